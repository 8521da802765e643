export { clearTiming, markTiming, measureTiming, TIMING, type TimingName } from './timing';

// Scheduling rules shared by the dispatch board and ticket booking: pure, plain data in and out.
export * from './travelDistance';
export * from './technicianRanking';

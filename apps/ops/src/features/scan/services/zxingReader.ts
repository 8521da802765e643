// The barcode reader itself (@zxing/browser + @zxing/library, ~125 kB gzip): this module is only
// ever imported dynamically, when the camera opens (or to warm the offline cache), so the reader
// is never part of a page's first load.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';

/** A reader for the formats on Gigafibre's labels (fewer formats: faster decoding). */
export function createCodeReader(): BrowserMultiFormatReader {
  const formats = [BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX];
  return new BrowserMultiFormatReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, formats]]), { delayBetweenScanAttempts: 120, delayBetweenScanSuccess: 120 });
}

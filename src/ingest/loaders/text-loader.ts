import { _defineFileLoader } from './_file-loader.js';
import { decodeText } from './_decode-text.js';

/** Plain text (`.txt`). The title is the file name. */
export const textLoader = _defineFileLoader({
  name: 'text',
  format: 'text',
  extensions: ['.txt', '.text'],
  extract: async (input) => ({ text: decodeText(input.bytes, input.relativePath) }),
});

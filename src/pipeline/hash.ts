/** SHA-1 of a string as hex, without Node's crypto (the extraction also runs in a browser worker).
 * Only for content keys: ids must stay what node:crypto made of the same text, and do. */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha1Hex(text: string): string {
  return bytesToHex(sha1(utf8ToBytes(text)));
}

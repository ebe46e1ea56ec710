/** Whether bytes look like an Arrow IPC file or stream (rather than JSON text). No Arrow import:
 * the events worker uses it. */
export function isArrowBytes(bytes: Uint8Array): boolean {
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  return (
    magic === 'ARROW1' || (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)
  );
}

/** A file that cannot be read as its format says: the message names the line or column. */
export class FormatError extends Error {
  override name = "FormatError";
}

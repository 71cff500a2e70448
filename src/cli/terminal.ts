/**
 * One line for the terminal: control characters (escape sequences from a hostile file) shown as "?",
 * and at most 500 characters, so an error never replays what it read.
 */
export function terminalLine(text: string): string {
  const line = text
    .replace(/\s*\n\s*/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

// One error type for every way fetching a published file can fail, so the task pane and the CLI can show
// the user what went wrong with which file without inspecting fetch internals.

export type SourceErrorReason =
  "timeout" | "http" | "too-large" | "offline" | "aborted" | "invalid" | "truncated" | "redirect";

export class SourceError extends Error {
  override readonly name = "SourceError";
  readonly reason: SourceErrorReason;
  /** The URL the user asked for (not the data proxy's URL). */
  readonly url: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** How long the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;
  /** What went wrong, without the URL: "HTTP 503", "timed out after 20 s". */
  readonly detail: string;

  constructor(
    reason: SourceErrorReason,
    url: string,
    detail: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(`Could not fetch ${url}: ${detail}`, { cause: options.cause });
    this.reason = reason;
    this.detail = detail;
    this.url = url;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

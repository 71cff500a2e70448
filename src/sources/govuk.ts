// Finding a publisher's newest file on GOV.UK. Publications, statistical data sets and collections all
// have a JSON view, the GOV.UK Content API (https://www.gov.uk/api/content/<path>); a publication lists
// its files in details.attachments, a collection its publications in links.documents.
import { fetchText, type FetchTextOptions } from "./fetchText.js";
import { SourceError } from "./sourceError.js";

export const GOVUK_ORIGIN = "https://www.gov.uk";

/** Where a built-in source's releases are published. */
export interface GovukPage {
  /** The page's path, e.g. "/government/statistics/local-authority-collected-waste-management-annual-results". */
  path: string;
  /** For a collection: which of its publications hold the file (matched on their titles). */
  document?: RegExp;
  /** Which attachment is the file (matched on its title or file name). */
  attachment: RegExp;
  /** The file type, as its name ends: "ods", "xlsx". */
  extension: string;
}

/** One published file, as the Content API describes it. */
export interface Release {
  /** The attachment's title, e.g. "ENV18 - Local authority collected waste: LA and regional spreadsheet 2023-24". */
  title: string;
  url: string;
  /** The publication it is attached to. */
  publication: string;
  /** The publication's page on GOV.UK. */
  page: string;
  /** When the publication was last updated (ISO), the release date users see on GOV.UK. */
  released?: string;
}

interface Attachment {
  title?: unknown;
  url?: unknown;
  filename?: unknown;
  attachment_type?: unknown;
}
interface LinkedDocument {
  title?: unknown;
  base_path?: unknown;
  public_updated_at?: unknown;
}
interface ContentItem {
  title?: unknown;
  base_path?: unknown;
  public_updated_at?: unknown;
  details?: { attachments?: unknown };
  links?: { documents?: unknown };
}

const text = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The latest year a title names: "2023-24", "2023/24", "2023 to 2024" and "2025" all count, as their end year. */
export function latestYear(title: string): number {
  let best = 0;
  for (const m of title.matchAll(/\b(\d{4})(?:\s*(?:-|\/|to)\s*(\d{2,4}))?\b/g)) {
    const start = Number(m[1]);
    const end = m[2]
      ? m[2].length === 2
        ? Math.floor(start / 100) * 100 + Number(m[2])
        : Number(m[2])
      : start;
    if (start >= 1990 && start <= 2100) best = Math.max(best, end);
  }
  return best;
}

/** Newest first: by the year named in the title, then by the date, then as listed. */
function newest<T>(items: T[], title: (t: T) => string, date: (t: T) => string): T | undefined {
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        latestYear(title(b.item)) - latestYear(title(a.item)) ||
        date(b.item).localeCompare(date(a.item)) ||
        a.i - b.i,
    )[0]?.item;
}

/** The newest attachment of a publication matching `pattern`, or undefined. */
export function pickAttachment(
  item: ContentItem,
  pattern: RegExp,
  extension: string,
  origin = GOVUK_ORIGIN,
): Release | undefined {
  const ofType = (a: Attachment) =>
    new URL(text(a.url), origin).pathname.toLowerCase().endsWith(`.${extension}`);
  const files = list(item.details?.attachments)
    .filter((a): a is Attachment => typeof a === "object" && a !== null)
    .filter((a) => text(a.attachment_type || "file") === "file" && text(a.url))
    .filter((a) => ofType(a) && (pattern.test(text(a.title)) || pattern.test(text(a.filename))));
  const file = newest(
    files,
    (a) => `${text(a.title)} ${text(a.filename)}`,
    () => "",
  );
  if (!file) return undefined;
  return {
    title: text(file.title) || text(file.filename),
    url: new URL(text(file.url), origin).href,
    publication: text(item.title),
    page: new URL(text(item.base_path), origin).href,
    released: text(item.public_updated_at) || undefined,
  };
}

/** The newest publication of a collection whose title matches `pattern`: its path, or undefined. */
export function pickDocument(item: ContentItem, pattern: RegExp): string | undefined {
  const docs = list(item.links?.documents)
    .filter((d): d is LinkedDocument => typeof d === "object" && d !== null)
    .filter((d) => pattern.test(text(d.title)) && text(d.base_path).startsWith("/"));
  return (
    text(
      newest(
        docs,
        (d) => text(d.title),
        (d) => text(d.public_updated_at),
      )?.base_path,
    ) || undefined
  );
}

export interface FindOptions extends FetchTextOptions {
  /** https://www.gov.uk unless a mirror (or, in tests, a fixture server) stands in for it. */
  origin?: string;
}

async function contentItem(path: string, options: FindOptions): Promise<ContentItem> {
  const url = `${options.origin ?? GOVUK_ORIGIN}/api/content${path}`;
  const { text: body } = await fetchText(url, options);
  try {
    const json: unknown = JSON.parse(body);
    if (typeof json === "object" && json !== null) return json as ContentItem;
  } catch {
    // reported below
  }
  throw new SourceError("invalid", url, "GOV.UK did not answer with a page description (JSON)");
}

/** Asks GOV.UK for the newest file of a source's page. Throws naming the page when none matches. */
export async function findRelease(page: GovukPage, options: FindOptions = {}): Promise<Release> {
  const origin = options.origin ?? GOVUK_ORIGIN;
  let item = await contentItem(page.path, options);
  if (page.document) {
    const path = pickDocument(item, page.document);
    if (!path)
      throw new SourceError(
        "invalid",
        `${origin}${page.path}`,
        `no publication on this page matches ${page.document.source}`,
      );
    item = await contentItem(path, options);
  }
  const release = pickAttachment(item, page.attachment, page.extension, origin);
  if (!release)
    throw new SourceError(
      "invalid",
      new URL(text(item.base_path) || page.path, origin).href,
      `"${text(item.title)}" has no .${page.extension} file matching ${page.attachment.source}`,
    );
  return release;
}

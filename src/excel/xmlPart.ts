// Text kept inside the workbook file as a custom XML part: saved with the workbook, shared by everyone who
// opens it, and invisible on the sheets. One part per namespace; the text is the root element's content.

/** A part as read in one Excel.run: its proxy (to update it) and its text. */
export interface LoadedPart {
  namespace: string;
  part?: Excel.CustomXmlPart;
  /** More parts with the same namespace (a copied sheet, a merge): removed on the next save. */
  extras: Excel.CustomXmlPart[];
  text?: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, name: string) =>
    name.startsWith("#x")
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : ENTITIES[name],
  );

export function toXml(root: string, namespace: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${namespace}">${escapeXml(text)}</${root}>`;
}

/** The text of the root element (Excel may re-serialise the XML, so only the content is relied on). */
export function fromXml(xml: string): string {
  const m = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([\s\S]*)<\/\1>\s*$/.exec(
    xml.replace(/^\s*<\?xml[^?]*\?>/, ""),
  );
  if (!m) return "";
  return unescapeXml(m[2].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_c, data: string) => escapeXml(data)));
}

export async function loadPart(context: Excel.RequestContext, namespace: string): Promise<LoadedPart> {
  const parts = context.workbook.customXmlParts.getByNamespace(namespace).load("items/id");
  await context.sync();
  const [part, ...extras] = parts.items;
  if (!part) return { namespace, extras };
  const xml = part.getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult has no load(); sync fills it
  return { namespace, part, extras, text: fromXml(xml.value) };
}

/**
 * Queues writing `text` into the part (creating it if needed); the caller syncs. A part that already holds
 * the text is left alone: writing a custom XML part clears Excel's Undo list (office-js #4484).
 */
export function queueSavePart(
  context: Excel.RequestContext,
  loaded: LoadedPart,
  root: string,
  text: string,
): void {
  if (loaded.part && loaded.text === text && !loaded.extras.length) return;
  const xml = toXml(root, loaded.namespace, text);
  if (loaded.part) loaded.part.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  for (const extra of loaded.extras) extra.delete();
}

/** Puts a part back as it was when `loaded` was read (removing it if there was none); the caller syncs. */
export async function queueRestorePart(
  context: Excel.RequestContext,
  loaded: LoadedPart,
  root: string,
): Promise<void> {
  const now = await loadPart(context, loaded.namespace);
  if (loaded.text !== undefined) queueSavePart(context, now, root, loaded.text);
  else for (const part of [now.part, ...now.extras]) part?.delete();
}

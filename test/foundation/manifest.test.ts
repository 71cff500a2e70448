// @vitest-environment jsdom
// Offline checks of manifest.xml: the things Office only reports at sideload time, if at all. The jsdom
// environment provides DOMParser (jsdom ships no TypeScript types to import it directly).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEV_BASE_URL, rewriteManifestUrls } from "../../scripts/manifest-url.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const manifestText = readFileSync(join(root, "manifest.xml"), "utf8");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

const doc = parse(manifestText);
/** Elements by local name, whatever their namespace (the manifest mixes three). */
const all = (name: string, scope: Document | Element = doc): Element[] => [
  ...scope.getElementsByTagNameNS("*", name),
];
const one = (name: string, scope: Document | Element = doc): Element => {
  const found = all(name, scope);
  // Throw rather than expect(found): printing jsdom elements in a diff trips over jsdom's localStorage.
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};
/** A direct child of <OfficeApp> (the base manifest), as opposed to one inside VersionOverrides. */
const base = (name: string): Element => {
  const found = [...doc.documentElement.children].filter((el) => el.localName === name);
  if (found.length !== 1) throw new Error(`expected one base-manifest <${name}>, found ${found.length}`);
  return found[0];
};
const xsiType = (el: Element) => el.getAttributeNS(XSI, "type");
const versionOverrides = one("VersionOverrides");

/** Resource definitions (bt:Image, bt:Url, bt:String) by id. */
const resources = all("*", one("Resources", versionOverrides)).filter((el) => el.hasAttribute("id"));
const resource = (id: string): string => {
  const el = resources.find((r) => r.getAttribute("id") === id);
  if (!el) throw new Error(`resid ${id} is not defined`);
  return el.getAttribute("DefaultValue") ?? "";
};

/** Every URL in the manifest: attribute values and element text that look like absolute URLs. */
function urlsIn(d: Document): string[] {
  const urls: string[] = [];
  for (const el of all("*", d)) {
    for (const attr of el.attributes) {
      if (attr.name !== "xmlns" && !attr.name.startsWith("xmlns:") && /^\w+:\/\//.test(attr.value)) {
        urls.push(attr.value);
      }
    }
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent?.trim() ?? "");
    urls.push(...text.filter((t) => /^\w+:\/\//.test(t)));
  }
  return urls;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("has a GUID Id and targets Excel workbooks", () => {
    expect(base("Id").textContent?.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    const baseHosts = all("Host").filter((h) => h.getAttribute("Name"));
    expect(baseHosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const overrideHosts = all("Host", versionOverrides);
    expect(overrideHosts.map(xsiType)).toEqual(["Workbook"]);
  });

  it("does not present itself as official Oflog output", () => {
    const text = ["DisplayName", "Description"].map((n) => base(n).getAttribute("DefaultValue")).join(" ");
    expect(text).toMatch(/not official Oflog/i);
  });

  it("requires SharedRuntime 1.1 in the base manifest and in VersionOverrides", () => {
    const requirementSets = all("Requirements").map((req) =>
      all("Set", req).map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`),
    );
    expect(requirementSets).toHaveLength(2);
    for (const sets of requirementSets) expect(sets).toContain("SharedRuntime 1.1");
  });

  it("defines every referenced resid exactly once and references every defined one", () => {
    const referenced = new Set(all("*").flatMap((el) => el.getAttribute("resid") ?? []));
    const defined = resources.map((r) => r.getAttribute("id") ?? "");
    const duplicates = defined.filter((id, i) => defined.indexOf(id) !== i);
    expect(duplicates, "resids defined more than once").toEqual([]);
    expect(
      [...referenced].filter((id) => !defined.includes(id)),
      "referenced but undefined",
    ).toEqual([]);
    expect(
      defined.filter((id) => !referenced.has(id)),
      "defined but unused",
    ).toEqual([]);
    // Office rejects resids longer than 32 characters.
    expect(defined.filter((id) => id.length > 32)).toEqual([]);
  });

  it("uses only HTTPS URLs, all on the dev server", () => {
    const urls = urlsIn(doc);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_BASE_URL), url).toBe(true);
  });

  it("points every icon at a PNG of the declared size in assets/", () => {
    const icons: Array<[url: string, size: number]> = [
      [base("IconUrl").getAttribute("DefaultValue") ?? "", 32],
      [base("HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64],
      ...all("Image", one("Resources")).map((img): [string, number] => [
        img.getAttribute("DefaultValue") ?? "",
        Number(/(\d+)x\d+$/.exec(img.getAttribute("id") ?? "")?.[1]),
      ]),
    ];
    for (const [url, size] of icons) {
      expect(url, "icon URL").toMatch(/^https:\/\/localhost:3000\/assets\/[\w-]+\.png$/);
      const file = join(root, url.slice(DEV_BASE_URL.length));
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file), file).toEqual({ width: size, height: size });
    }
    // Ribbon icons are referenced by resid; check every <bt:Image size> matches its resource.
    for (const ref of all("Image").filter((i) => i.hasAttribute("resid"))) {
      expect(ref.getAttribute("resid")).toBe(`Icon.${ref.getAttribute("size")}x${ref.getAttribute("size")}`);
    }
  });

  it("runs the custom functions in the shared task pane runtime under namespace BENCH", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    expect(runtime.getAttribute("resid")).toBe("Taskpane.Url");
    expect(one("FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");

    const cf = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
    if (!cf) throw new Error("no CustomFunctions extension point");
    const location = (name: string) =>
      resource(one("SourceLocation", one(name, cf)).getAttribute("resid") ?? "");
    expect(location("Script")).toBe(`${DEV_BASE_URL}functions.js`);
    expect(location("Page")).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(location("Metadata")).toBe(`${DEV_BASE_URL}functions.json`);
    expect(resource(one("Namespace", cf).getAttribute("resid") ?? "")).toBe("BENCH");
  });

  it("has Home-tab buttons to show the pane and run refreshAll", () => {
    const ribbon = all("ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface");
    if (!ribbon) throw new Error("no PrimaryCommandSurface extension point");
    expect(one("OfficeTab", ribbon).getAttribute("id")).toBe("TabHome");
    const actions = all("Action", ribbon);
    const show = actions.find((a) => xsiType(a) === "ShowTaskpane");
    expect(show && one("TaskpaneId", show).textContent).toBe("ButtonId1");
    expect(show && one("SourceLocation", show).getAttribute("resid")).toBe("Taskpane.Url");
    const execute = actions.find((a) => xsiType(a) === "ExecuteFunction");
    const functionName = execute && one("FunctionName", execute).textContent;
    expect(functionName).toBe("refreshAll");
    // The ribbon action only works if commands.ts registers the same name.
    const commands = readFileSync(join(root, "src/commands/commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("${functionName}"`);
  });
});

describe("rewriteManifestUrls", () => {
  it("moves every dev URL to the deployment base and leaves no localhost", () => {
    const base = "https://example.org/addin/";
    const rewritten = rewriteManifestUrls(manifestText, base);
    expect(rewritten).not.toMatch(/localhost/i);
    const urls = urlsIn(parse(rewritten));
    expect(urls).toHaveLength(urlsIn(doc).length);
    for (const url of urls) expect(url.startsWith(base), url).toBe(true);
  });

  it("adds a missing trailing slash", () => {
    expect(rewriteManifestUrls(`<a b="${DEV_BASE_URL}x.js"/>`, "https://example.org/addin")).toBe(
      '<a b="https://example.org/addin/x.js"/>',
    );
  });

  it("rejects a non-HTTPS or malformed base", () => {
    expect(() => rewriteManifestUrls(manifestText, "http://example.org/")).toThrow(/https/);
    expect(() => rewriteManifestUrls(manifestText, "example.org")).toThrow(/valid URL/);
    expect(() => rewriteManifestUrls(manifestText, "https://example.org/?a=1")).toThrow(/query/);
  });
});

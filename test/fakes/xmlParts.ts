// Excel.CustomXmlPart and its collections in the fake: XML documents kept in the workbook file. The XML is
// checked for the mistakes that would make Excel refuse it (unbalanced tags, a bare "&" or "<").
import {
  bindById,
  FakeClientResult,
  FakeObject,
  LoadedItems,
  type FakeRequestContext,
  type LoadOption,
} from "./context.js";
import { FakeOfficeError, newId, type PartState, type WorkbookState } from "./workbook.js";

const PROPS = ["id", "namespaceUri"] as const;

/** The root element's default namespace; throws like Excel when the XML is not well formed. */
export function checkXml(xml: string): string {
  const bad = (why: string) => new FakeOfficeError("InvalidArgument", `The XML is not valid: ${why}`);
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, "");
  const stack: string[] = [];
  let namespace: string | undefined;
  let rootClosed = false;
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith("<")) {
      const m = /^<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>$/.exec(token);
      if (!m) throw bad(`bad tag ${token.slice(0, 40)}`);
      const [, closing, name, attrs, selfClosing] = m;
      if (closing) {
        if (stack.pop() !== name) throw bad(`</${name}> does not match`);
        if (!stack.length) rootClosed = true;
        continue;
      }
      if (rootClosed || (!stack.length && namespace !== undefined)) throw bad("more than one root element");
      if (!stack.length) namespace = /\sxmlns="([^"]*)"/.exec(attrs)?.[1] ?? "";
      if (!selfClosing) stack.push(name);
      else if (!stack.length) rootClosed = true;
    } else {
      if (token.includes("<") || token.includes(">")) throw bad("a bare < or >");
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(token)) throw bad("a bare &");
      if (!stack.length && token.trim()) throw bad("text outside the root element");
    }
  }
  if (stack.length || namespace === undefined) throw bad("unclosed or missing root element");
  return namespace;
}

const partById = (state: WorkbookState) => (id: string) => state.parts.find((p) => p.id === id);

export class FakeCustomXmlPart extends FakeObject<PartState> {
  protected readonly scalarProps = PROPS;

  private constructor(context: FakeRequestContext, find: () => PartState | undefined, nullable: boolean) {
    super(context, find, "CustomXmlPart", nullable);
  }

  static bound(
    context: FakeRequestContext,
    find: () => PartState | undefined,
    nullable = false,
  ): FakeCustomXmlPart {
    return new FakeCustomXmlPart(context, bindById(find, partById(context.state)), nullable);
  }

  static loaded(context: FakeRequestContext, part: PartState, props: readonly string[] | undefined) {
    const proxy = FakeCustomXmlPart.bound(context, () => part);
    proxy.remember(props ?? PROPS, part);
    return proxy;
  }

  protected read(part: PartState, prop: string): unknown {
    return prop === "id" ? part.id : part.namespace;
  }

  get id(): string {
    return this.prop("id");
  }
  get namespaceUri(): string {
    return this.prop("namespaceUri");
  }

  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.context, "CustomXmlPart.getXml", () => this.target().xml);
  }

  setXml(xml: string): void {
    this.call(
      "setXml",
      (part) => {
        part.namespace = checkXml(xml);
        part.xml = xml;
      },
      xml,
    );
  }

  delete(): void {
    this.call("delete", (part) => {
      const state = this.context.state;
      state.parts = state.parts.filter((p) => p.id !== part.id);
    });
  }
}

class PartList {
  private readonly loadedItems: LoadedItems<FakeCustomXmlPart>;
  constructor(
    protected readonly context: FakeRequestContext,
    protected readonly list: () => PartState[],
  ) {
    this.loadedItems = new LoadedItems(context, "CustomXmlPartCollection");
  }

  load(option?: LoadOption): this {
    this.loadedItems.load(option, (props) =>
      this.list().map((p) => FakeCustomXmlPart.loaded(this.context, p, props)),
    );
    return this;
  }

  get items(): FakeCustomXmlPart[] {
    return this.loadedItems.items;
  }

  getItem(id: string): FakeCustomXmlPart {
    return FakeCustomXmlPart.bound(this.context, () => this.list().find((p) => p.id === id));
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return FakeCustomXmlPart.bound(this.context, () => this.list().find((p) => p.id === id), true);
  }
}

export class FakeCustomXmlPartScopedCollection extends PartList {
  /** The one part; nothing when there are none or several (getOnlyItem then fails like Excel). */
  private only(): PartState | undefined {
    const parts = this.list();
    return parts.length === 1 ? parts[0] : undefined;
  }

  getOnlyItem(): FakeCustomXmlPart {
    return FakeCustomXmlPart.bound(this.context, () => this.only());
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return FakeCustomXmlPart.bound(this.context, () => this.only(), true);
  }
}

export class FakeCustomXmlPartCollection extends PartList {
  constructor(context: FakeRequestContext) {
    super(context, () => context.state.parts);
  }

  add(xml: string): FakeCustomXmlPart {
    let created: PartState | undefined;
    this.context.enqueue(
      "CustomXmlPartCollection.add",
      () => {
        const state = this.context.state;
        created = { id: `{${newId(state, "part")}}`, namespace: checkXml(xml), xml };
        state.parts.push(created);
      },
      xml,
    );
    return FakeCustomXmlPart.bound(this.context, () => created);
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, () =>
      this.context.state.parts.filter((p) => p.namespace === namespaceUri),
    );
  }
}

/**
 * A small reader for the XML the IAM Query API answers with: elements, text and the predefined and numeric
 * entities. Attributes are skipped (IAM's answers carry only `xmlns`), as are the prolog, comments and
 * processing instructions; CDATA is kept as text. Not a general XML parser: no DTDs, no namespaces.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text (concatenated, untrimmed); "" for elements with only children. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** The document's root element. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > i) stack[stack.length - 1]!.text += decodeEntities(source.slice(i, textEnd));
    if (lt === -1) break;
    if (source.startsWith('<![CDATA[', lt)) {
      const end = expectIndex(source, ']]>', lt);
      stack[stack.length - 1]!.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!--', lt)) {
      i = expectIndex(source, '-->', lt) + 3;
    } else if (source.startsWith('<?', lt) || source.startsWith('<!', lt)) {
      i = expectIndex(source, '>', lt) + 1;
    } else if (source.startsWith('</', lt)) {
      const end = expectIndex(source, '>', lt);
      const name = source.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new XmlSyntaxError(`unexpected </${name}>`);
      i = end + 1;
    } else {
      const end = expectIndex(source, '>', lt);
      const selfClosing = source[end - 1] === '/';
      const inner = source.slice(lt + 1, selfClosing ? end - 1 : end);
      const name = /^[^\s/>]+/.exec(inner)?.[0];
      if (!name) throw new XmlSyntaxError(`bad tag at ${lt}`);
      const element: XmlElement = { name, children: [], text: '' };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) stack.push(element);
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw new XmlSyntaxError(`unclosed <${stack[stack.length - 1]!.name}>`);
  const [top] = root.children;
  if (!top || root.children.length !== 1) throw new XmlSyntaxError('expected one root element');
  return top;
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** The trimmed text of the named child, or undefined when there is no such child. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const found = child(element, name);
  return found === undefined ? undefined : found.text.trim();
}

/** The `member` items of a Query-protocol list (`<Users><member>..</member></Users>`). */
export function listMembers(element: XmlElement | undefined, listName: string): XmlElement[] {
  return child(element, listName)?.children.filter((c) => c.name === 'member') ?? [];
}

function expectIndex(source: string, token: string, from: number): number {
  const at = source.indexOf(token, from);
  if (at === -1) throw new XmlSyntaxError(`unterminated markup at ${from}`);
  return at;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Just enough XML for the Query protocol: elements with text or child elements, escaped, indented two
 * spaces like IAM's own answers. Absent values (undefined) leave their element out, as AWS omits unset
 * members.
 */
import { escapeText } from '../../../lib/markup-escape.js';

export interface Xml {
  name: string;
  value: string | Xml[];
}

export function x(name: string, value: Array<Xml | undefined>): Xml;
export function x(name: string, value: string | number | boolean | undefined): Xml | undefined;
export function x(name: string, value: string | number | boolean | undefined | Array<Xml | undefined>): Xml | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return { name, value: value.filter((v): v is Xml => v !== undefined) };
  return { name, value: String(value) };
}

/** `<Users><member>...</member>...</Users>`: how the Query protocol writes a list. */
export function members(name: string, items: Array<Array<Xml | undefined>>): Xml {
  return x(
    name,
    items.map((fields) => x('member', fields)),
  );
}

export function renderXml(root: Xml, xmlns: string): string {
  return `<${root.name} xmlns="${xmlns}">\n${children(root, 1)}</${root.name}>\n`;
}

function children(node: Xml, depth: number): string {
  if (typeof node.value === 'string') return escapeText(node.value);
  return (node.value as Xml[]).map((child) => element(child, depth)).join('');
}

function element(node: Xml, depth: number): string {
  const pad = '  '.repeat(depth);
  if (typeof node.value === 'string') return `${pad}<${node.name}>${escapeText(node.value)}</${node.name}>\n`;
  if (node.value.length === 0) return `${pad}<${node.name}/>\n`;
  return `${pad}<${node.name}>\n${node.value.map((c) => element(c, depth + 1)).join('')}${pad}</${node.name}>\n`;
}

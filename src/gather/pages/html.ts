// HTML to what page rules read: the visible text (rules match words, not markup) and the links,
// made absolute. parse5 is a spec-compliant parser, so broken markup parses as browsers would.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content a reader never sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head']);
/** Elements that break a line, so words on either side do not run together. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'td', 'th', 'tr', 'ul', 'title', 'button', 'label', 'option',
]);

export interface PageContent {
  text: string;
  links: string[];
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

function hidden(element: Element): boolean {
  return attribute(element, 'hidden') !== undefined || attribute(element, 'aria-hidden') === 'true';
}

export function extractContent(html: string, pageUrl: string): PageContent {
  const document = parse(html);
  let base = pageUrl;
  const parts: string[] = [];
  const hrefs: string[] = [];
  const title: string[] = [];

  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
      return;
    }
    if (!isElement(node)) {
      if ('childNodes' in node) node.childNodes.forEach(walk);
      return;
    }
    const tag = node.tagName;
    if (tag === 'base') base = resolve(attribute(node, 'href'), pageUrl) ?? base;
    if ((tag === 'a' || tag === 'area') && attribute(node, 'href') !== undefined) hrefs.push(attribute(node, 'href')!);
    if (tag === 'head') node.childNodes.forEach(findHeadOnly);
    if (INVISIBLE.has(tag) || hidden(node)) return;
    if (BLOCK.has(tag)) parts.push('\n');
    node.childNodes.forEach(walk);
    if (BLOCK.has(tag)) parts.push('\n');
  };
  // <head> holds no visible text, but its <base> and <title> matter.
  const findHeadOnly = (node: Node): void => {
    if (!isElement(node)) return;
    if (node.tagName === 'base') base = resolve(attribute(node, 'href'), pageUrl) ?? base;
    if (node.tagName === 'title') title.push(node.childNodes.map((child) => ('value' in child ? child.value : '')).join(''));
  };
  walk(document);

  const text = [...title, parts.join('')]
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const links = [...new Set(hrefs.map((href) => resolve(href, base)).filter((href): href is string => href !== null))];
  return { text, links };
}

/** An absolute URL for a link; null for unparsable ones and `javascript:`. */
function resolve(href: string | undefined, base: string): string | null {
  if (href === undefined) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'javascript:' ? null : url.href;
  } catch {
    return null;
  }
}

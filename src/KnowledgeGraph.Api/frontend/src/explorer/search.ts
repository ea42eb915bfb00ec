// The search box: a combobox whose suggestions, grouped by type, come from the `search` query as you type.
import { search, type NodeRef, type NodeType } from './api';
import { h } from './dom';
import { typePlurals } from './labels';

const debounceMs = 180;
const typeOrder: NodeType[] = ['Person', 'Organization', 'Model', 'Paper'];

export class SearchBox {
  private results: NodeRef[] = [];
  private active = -1;
  private timer: number | undefined;
  private inflight: AbortController | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly listbox: HTMLElement,
    private readonly status: HTMLElement,
    private readonly choose: (node: NodeRef) => void,
  ) {
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', e => this.onKey(e));
    input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => { if (this.results.length) this.open(); });
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length === 0) {
      this.inflight?.abort();
      this.show([], '');
      return;
    }
    this.timer = window.setTimeout(() => void this.query(text), debounceMs);
  }

  private async query(text: string): Promise<void> {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const found = await search(text.slice(0, 200), controller.signal);
      if (controller.signal.aborted) return;
      this.show(found, text);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.show([], text, `Search failed: ${(error as Error).message}`);
    }
  }

  private show(found: NodeRef[], text: string, failure?: string): void {
    // Grouped by type, so the option order is the order the groups are drawn in.
    this.results = typeOrder.flatMap(type => found.filter(n => n.__typename === type));
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren();
    if (!text) {
      this.status.textContent = '';
      this.close();
      return;
    }
    if (this.results.length === 0) {
      this.listbox.append(h('div', { className: 'search-empty' }, failure ?? `Nothing matches “${text}”.`));
      this.status.textContent = failure ?? 'No matches.';
      this.open();
      return;
    }
    let index = 0;
    for (const type of typeOrder) {
      const group = this.results.filter(n => n.__typename === type);
      if (group.length === 0) continue;
      const headingId = `search-group-${type}`;
      this.listbox.append(h('div', { role: 'group', 'aria-labelledby': headingId, className: 'search-group' },
        h('div', { id: headingId, className: 'search-group-heading', role: 'presentation' }, typePlurals[type]),
        group.map(node => {
          const i = index++;
          return h('div', {
            id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', className: `search-option type-${node.__typename}`,
            'data-id': node.id,
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => this.pick(i),
          }, h('span', { className: 'type-dot', 'aria-hidden': 'true' }), node.name);
        })));
    }
    this.status.textContent = `${this.results.length} suggestion${this.results.length === 1 ? '' : 's'}; use the arrow keys to choose.`;
    this.open();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.results.length === 0) return;
      this.open();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.highlight((this.active + step + this.results.length) % this.results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      window.clearTimeout(this.timer);
      if (this.results.length > 0) this.pick(Math.max(this.active, 0));
      else if (this.input.value.trim()) void this.query(this.input.value.trim());
    } else if (e.key === 'Escape') {
      if (this.listbox.hidden) this.input.value = '';
      this.close();
    }
  }

  private highlight(index: number): void {
    this.active = index;
    this.listbox.querySelectorAll('[role=option]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    this.input.setAttribute('aria-activedescendant', `search-option-${index}`);
  }

  private pick(index: number): void {
    const node = this.results[index];
    if (!node) return;
    this.input.value = node.name;
    this.close();
    this.choose(node);
  }

  private open(): void {
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}

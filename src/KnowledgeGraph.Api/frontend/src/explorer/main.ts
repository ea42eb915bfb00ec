// The explorer page: search, canvas, side panel and as-of slider, with the view kept in the URL.
import './explorer.css';
import { details, GraphQLRequestError, neighborhood, neighborhoods, type NodeRef, type Subgraph } from './api';
import { AsOfSlider } from './as-of';
import { h } from './dom';
import { GraphCanvas } from './graph';
import { renderDetails } from './panel';
import { SearchBox } from './search';
import { readView, writeView } from './url-state';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element as T;
}

class Explorer {
  readonly canvas: GraphCanvas;
  private readonly panel = byId<HTMLElement>('details');
  private readonly status = byId<HTMLElement>('status');
  private readonly emptyState = byId<HTMLElement>('empty');
  private readonly slider: AsOfSlider;
  private node: string | null = null;
  private asOf: string | null = null;
  /** Nodes whose neighbourhood is drawn; the as-of slider re-asks for each of them. */
  private expanded: string[] = [];
  private readonly inflight = new Set<Promise<unknown>>();
  /** Bumped by each new centre, so answers to older requests are dropped. */
  private generation = 0;
  private statusTimer: number | undefined;

  constructor() {
    this.canvas = new GraphCanvas(byId('graph'), {
      select: id => void this.select(id),
      focus: id => this.canvas.focus(id),
    });
    new SearchBox(byId('search-input'), byId('search-results'), byId('search-status'), (node: NodeRef) => void this.open(node.id));
    this.slider = new AsOfSlider(byId('as-of'), byId('as-of-value'), asOf => void this.changeAsOf(asOf));
    byId('zoom-in').addEventListener('click', () => this.canvas.zoomBy(1.25));
    byId('zoom-out').addEventListener('click', () => this.canvas.zoomBy(0.8));
    byId('fit').addEventListener('click', () => this.canvas.fit());
    byId('tidy').addEventListener('click', () => void this.track(this.canvas.tidy()));
    byId('graph').addEventListener('keydown', e => this.onCanvasKey(e));
    document.querySelectorAll<HTMLButtonElement>('[data-open]').forEach(button =>
      button.addEventListener('click', () => void this.open(button.dataset.open!)));
  }

  /** Restores the view the URL names. */
  async start(): Promise<void> {
    const view = readView();
    this.asOf = view.asOf;
    this.slider.set(view.asOf);
    if (view.node) await this.open(view.node);
  }

  /** Makes a node the centre: its neighbourhood replaces the graph. */
  async open(id: string): Promise<void> {
    const generation = ++this.generation;
    this.node = id;
    this.saveView();
    await this.track((async () => {
      const [subgraph] = await Promise.all([neighborhood(id, this.asOf), this.showDetails(id, generation)]);
      if (generation !== this.generation) return;
      if (subgraph.nodes.length === 0) {
        this.say(`Nothing in the graph has the id ${id}.`);
        return;
      }
      await this.canvas.replace(subgraph, id);
      this.expanded = [id];
      this.canvas.markExpanded(id);
      this.canvas.select(id);
      this.emptyState.hidden = true;
      this.say(`Showing ${nameIn(subgraph, id)} and ${subgraph.nodes.length - 1} connected nodes.`);
    })());
  }

  /** Selects a node on the canvas and draws its neighbourhood next to it. */
  async select(id: string): Promise<void> {
    const generation = this.generation;
    this.node = id;
    this.saveView();
    this.canvas.select(id);
    const work: Promise<unknown>[] = [this.showDetails(id, generation)];
    if (!this.expanded.includes(id)) {
      this.expanded.push(id);
      work.push((async () => {
        const subgraph = await neighborhood(id, this.asOf);
        if (generation !== this.generation) return;
        const before = this.canvas.cy.nodes().length;
        await this.canvas.merge(subgraph, id);
        this.canvas.markExpanded(id);
        this.canvas.select(id);
        this.say(`Expanded ${nameIn(subgraph, id)}: ${this.canvas.cy.nodes().length - before} new nodes.`);
      })());
    }
    await this.track(Promise.all(work));
  }

  /** Panel links: select a node already drawn, or make one that is not the new centre. */
  private follow(id: string): void {
    if (this.canvas.has(id)) void this.select(id);
    else void this.open(id);
  }

  private async changeAsOf(asOf: string | null): Promise<void> {
    this.asOf = asOf;
    this.saveView();
    const generation = this.generation;
    await this.track((async () => {
      const subgraphs = await neighborhoods(this.expanded, asOf);
      if (generation !== this.generation) return;
      for (const subgraph of subgraphs) this.canvas.applyActivity(subgraph.edges);
      const faded = this.canvas.cy.edges('.inactive').length;
      this.say(asOf ? `As of ${asOf}: ${faded} edges not in force are faded.` : 'Showing the graph as it stands now.');
      if (this.node) await this.showDetails(this.node, generation);
    })());
  }

  private async showDetails(id: string, generation: number): Promise<void> {
    this.panel.setAttribute('aria-busy', 'true');
    try {
      const node = await details(id, this.asOf);
      if (generation !== this.generation || this.node !== id) return;
      this.panel.replaceChildren(node
        ? renderDetails(node, this.asOf, target => this.follow(target))
        : h('p', { className: 'empty' }, `Nothing in the graph has the id ${id}.`));
    } finally {
      this.panel.removeAttribute('aria-busy');
    }
  }

  private onCanvasKey(e: KeyboardEvent): void {
    const pan = 60;
    const actions: Record<string, () => void> = {
      '+': () => this.canvas.zoomBy(1.25),
      '=': () => this.canvas.zoomBy(1.25),
      '-': () => this.canvas.zoomBy(0.8),
      '0': () => this.canvas.fit(),
      f: () => this.canvas.fit(),
      ArrowLeft: () => this.canvas.panBy(pan, 0),
      ArrowRight: () => this.canvas.panBy(-pan, 0),
      ArrowUp: () => this.canvas.panBy(0, pan),
      ArrowDown: () => this.canvas.panBy(0, -pan),
      Enter: () => { if (this.node) this.canvas.focus(this.node); },
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  private saveView(): void {
    writeView({ node: this.node, asOf: this.asOf });
  }

  private say(text: string): void {
    this.status.textContent = text;
    window.clearTimeout(this.statusTimer);
    this.statusTimer = window.setTimeout(() => { this.status.textContent = ''; }, 6000);
  }

  /** Counts work in flight (for idle()) and reports failures instead of leaving the page stuck. */
  private async track<T>(work: Promise<T>): Promise<T | undefined> {
    this.inflight.add(work);
    document.body.classList.add('busy');
    try {
      return await work;
    } catch (error) {
      const message = error instanceof GraphQLRequestError ? error.message : `Could not reach the API: ${(error as Error).message}`;
      this.say(message);
      return undefined;
    } finally {
      this.inflight.delete(work);
      if (this.inflight.size === 0) document.body.classList.remove('busy');
    }
  }

  /** Resolves once no request or layout is in flight (for tests). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  view(): { node: string | null; asOf: string | null; expanded: string[] } {
    return { node: this.node, asOf: this.asOf, expanded: [...this.expanded] };
  }

  /** Draws a subgraph through the same path as a search result (for tests and measurement). */
  async render(subgraph: Subgraph, rootId: string | null = subgraph.nodes[0]?.id ?? null): Promise<void> {
    ++this.generation;
    await this.canvas.replace(subgraph, rootId);
    this.expanded = rootId ? [rootId] : [];
    this.emptyState.hidden = true;
  }
}

function nameIn(subgraph: Subgraph, id: string): string {
  return subgraph.nodes.find(n => n.id === id)?.name ?? id;
}

const explorer = new Explorer();
const ready = explorer.start();

/** A handle for the browser tests; not used by the page itself. */
(window as unknown as { __explorer: unknown }).__explorer = {
  cy: explorer.canvas.cy,
  ready,
  idle: () => explorer.idle(),
  view: () => explorer.view(),
  render: (subgraph: Subgraph, rootId?: string) => explorer.render(subgraph, rootId),
  edgeClasses: (id: string) => explorer.canvas.cy.getElementById(id).classes(),
};

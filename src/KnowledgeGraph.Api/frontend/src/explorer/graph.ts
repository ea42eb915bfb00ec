// The graph canvas: cytoscape.js, drawn in rings around the centre at once; expansions are settled by fCoSE.
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphEdge, Subgraph } from './api';
import { edgeLabel } from './labels';

cytoscape.use(fcose);

/** Graphs up to this many nodes get roomy rings, with space for labels. */
const smallGraph = 60;
/** Larger graphs are drawn in rings first and refined with fCoSE afterwards, up to this size. */
const refinableGraph = 400;
/**
 * Past this size most nodes and edges are drawn plainly (straight edges, no arrows, no labels but the centre's and
 * its neighbours'), which keeps a 2,000-node neighbourhood quick to draw; a selected one shows its label.
 */
const bulkGraph = 400;
/** Past this size edge labels show only around the selected node. */
const crowdedGraph = 40;
/** The largest magnification a fit may leave the view at. */
const maxFitZoom = 1.25;

export interface CanvasHandlers {
  /** A node was clicked or tapped. */
  select(id: string): void;
  /** A node was double-clicked. */
  focus(id: string): void;
}

const palette = {
  Person: '#2563eb',
  Organization: '#c2410c',
  Model: '#047857',
  Paper: '#7c3aed',
};

// Label properties sit on their own selectors: a big graph's plain elements then get few properties each, and
// cytoscape's cost of adding an element grows with the number of properties that apply to it.
const style: cytoscape.StylesheetJson = [
  { selector: 'node', style: { width: 26, height: 26, 'border-width': 2, 'border-color': '#ffffff' } },
  {
    selector: 'node.labelled, node:selected',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node.Person', style: { shape: 'ellipse', 'background-color': palette.Person } },
  { selector: 'node.Organization', style: { shape: 'round-rectangle', 'background-color': palette.Organization, width: 34, height: 24 } },
  { selector: 'node.Model', style: { shape: 'diamond', 'background-color': palette.Model, width: 30, height: 30 } },
  { selector: 'node.Paper', style: { shape: 'round-tag', 'background-color': palette.Paper } },
  { selector: 'node.expanded', style: { 'border-color': '#111827', 'border-width': 2 } },
  { selector: 'node:selected', style: { 'border-color': '#f59e0b', 'border-width': 5, 'font-weight': 'bold', 'z-index': 10 } },
  { selector: 'edge', style: { width: 1, 'line-color': '#94a3b8', 'curve-style': 'haystack' } },
  {
    selector: 'edge.labelled, edge:selected',
    style: {
      width: 1.5,
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      'control-point-step-size': 48,
      label: 'data(label)',
      'font-size': 9,
      'font-family': 'system-ui, sans-serif',
      color: '#475569',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
    },
  },
  // In a crowded graph only the selected node's edges keep their labels.
  { selector: 'edge.quiet', style: { label: '' } },
  { selector: 'edge.quiet.near, edge.quiet:selected', style: { label: 'data(label)', 'z-index': 5 } },
  // As of the chosen date this edge had not started or had already ended.
  { selector: 'edge.inactive', style: { opacity: 0.18, 'line-style': 'dashed' } },
  { selector: 'edge:selected', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 3 } },
];

function nodeElement(node: Subgraph['nodes'][number], bulk = false): ElementDefinition {
  return { group: 'nodes', data: { id: node.id, label: node.name, type: node.__typename }, classes: bulk ? node.__typename : `${node.__typename} labelled` };
}

function edgeElement(edge: GraphEdge, bulk = false): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: edge.id, source: edge.from, target: edge.to, relation: edge.relation,
      start: edge.start, end: edge.end, role: edge.role,
      label: edgeLabel(edge.relation, edge.start, edge.end),
    },
    classes: [edge.activeAsOf ? '' : 'inactive', bulk ? '' : 'labelled'].join(' ').trim(),
  };
}

/** Longer edges where several relations join the same two nodes, so their labels have room. */
const idealEdgeLength = (edge: cytoscape.EdgeSingular): number => 100 + 30 * (edge.parallelEdges().length - 1);

export class GraphCanvas {
  readonly cy: Core;
  private refineTimer: number | undefined;

  constructor(container: HTMLElement, handlers: CanvasHandlers) {
    this.cy = cytoscape({
      container,
      style,
      minZoom: 0.02,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', e => handlers.select(e.target.id()));
    this.cy.on('dbltap', 'node', e => handlers.focus(e.target.id()));
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Draws a subgraph in place of the current one, laid out around root; resolves once it can be used. */
  async replace(subgraph: Subgraph, rootId: string | null): Promise<void> {
    this.cancelRefine();
    const cy = this.cy;
    const large = subgraph.nodes.length > 1000;
    // Big graphs pan and zoom as a bitmap and draw their edges only when still.
    const renderer = cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } };
    renderer.renderer().textureOnViewport = large;
    renderer.renderer().hideEdgesOnViewport = large;
    const bulk = subgraph.nodes.length > bulkGraph;
    // In a big graph the centre and its neighbours keep their labels.
    const labelled = new Set<string>(rootId ? [rootId] : []);
    if (bulk && rootId) {
      for (const e of subgraph.edges) {
        if (e.from === rootId) labelled.add(e.to);
        if (e.to === rootId) labelled.add(e.from);
      }
    }
    const count = subgraph.nodes.length;
    // Placed in rings around the centre as they are added: no layout pass, no position updates after it.
    const rings = ringPositions(subgraph, rootId, count <= smallGraph ? roomyRings : denseRings);
    const known = new Set(subgraph.nodes.map(n => n.id));
    cy.batch(() => {
      cy.elements().remove();
      cy.add(subgraph.nodes.map(n => ({ ...nodeElement(n, bulk && !labelled.has(n.id)), position: rings.positions.get(n.id) })));
      cy.add(subgraph.edges.filter(e => known.has(e.from) && known.has(e.to)).map(e => edgeElement(e, bulk)));
    });
    if (!bulk) this.quieten();
    // Fitted from the known extent: asking cytoscape to fit would measure every element first.
    const zoom = Math.min(Math.max(Math.min(cy.width(), cy.height()) / (2 * rings.radius), cy.minZoom()), maxFitZoom);
    cy.viewport({ zoom, pan: { x: cy.width() / 2, y: cy.height() / 2 } });
    // A neighbourhood is a star, which rings draw well; anything else is refined by fCoSE when small enough.
    const star = subgraph.edges.every(e => e.from === rootId || e.to === rootId);
    if (!star && count <= refinableGraph) this.scheduleRefine();
    this.limitZoom();
  }

  /** A graph of a few nodes would be fitted at a magnification where labels look oversized. */
  private limitZoom(): void {
    const cy = this.cy;
    if (cy.zoom() > maxFitZoom) cy.zoom({ level: maxFitZoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Adds a node's neighbourhood next to it, keeping what is already drawn where it is. */
  async merge(subgraph: Subgraph, aroundId: string): Promise<void> {
    const cy = this.cy;
    const centre = cy.getElementById(aroundId);
    const origin = centre.nonempty() ? { ...centre.position() } : { x: 0, y: 0 };
    const fresh = subgraph.nodes.filter(n => !this.has(n.id));
    const radius = 90 + fresh.length * 6;
    const bulk = cy.nodes().length + fresh.length > bulkGraph;
    cy.batch(() => {
      fresh.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        cy.add({ ...nodeElement(node, bulk), position: { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) } });
      });
      cy.add(this.edgesBetweenKnownNodes(subgraph.edges.filter(e => !this.has(e.id)), bulk));
      this.applyActivity(subgraph.edges);
    });
    this.quieten();
    if (fresh.length > 0 && cy.nodes().length <= refinableGraph) {
      await this.run({ name: 'fcose', quality: 'default', randomize: false, animate: true, animationDuration: 350, fit: true, padding: 30, nodeRepulsion: 9000, idealEdgeLength } as LayoutOptions);
      this.limitZoom();
    }
  }

  /** Marks each edge active or not as of the chosen date; others are left as they are. */
  applyActivity(edges: GraphEdge[]): void {
    this.cy.batch(() => {
      for (const edge of edges) {
        const element = this.cy.getElementById(edge.id);
        if (element.nonempty()) element.toggleClass('inactive', !edge.activeAsOf);
      }
    });
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass('expanded');
  }

  select(id: string): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      cy.edges('.near').removeClass('near');
      const node = cy.getElementById(id);
      node.select();
      node.connectedEdges().addClass('near');
    });
  }

  /** Keeps edge labels readable: all of them in a small graph, the selected node's in a crowded one. */
  private quieten(): void {
    const cy = this.cy;
    const crowded = cy.nodes().length > crowdedGraph;
    cy.batch(() => cy.edges().toggleClass('quiet', crowded));
  }

  /** Zooms to a node and its neighbours. */
  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.cy.animate({ fit: { eles: node.closedNeighborhood(), padding: 60 }, duration: 300 });
  }

  fit(): void {
    const cy = this.cy;
    cy.fit(cy.elements(), 30);
    this.limitZoom();
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  panBy(dx: number, dy: number): void {
    this.cy.panBy({ x: dx, y: dy });
  }

  /** Runs fCoSE over the whole graph now, from where the nodes are. */
  async tidy(): Promise<void> {
    this.cancelRefine();
    await this.run({ name: 'fcose', quality: 'default', randomize: false, animate: true, animationDuration: 400, nodeRepulsion: 9000, idealEdgeLength } as LayoutOptions);
  }

  private edgesBetweenKnownNodes(edges: GraphEdge[], bulk = false): ElementDefinition[] {
    const known = new Set(this.cy.nodes().map(n => n.id()));
    return edges.filter(e => known.has(e.from) && known.has(e.to)).map(e => edgeElement(e, bulk));
  }

  private run(options: LayoutOptions): Promise<void> {
    const layout = this.cy.layout(options);
    const done = new Promise<void>(resolve => layout.one('layoutstop', () => resolve()));
    layout.run();
    return done;
  }

  private scheduleRefine(): void {
    this.refineTimer = window.setTimeout(() => {
      this.refineTimer = undefined;
      void this.tidy();
    }, 50);
  }

  private cancelRefine(): void {
    if (this.refineTimer !== undefined) window.clearTimeout(this.refineTimer);
    this.refineTimer = undefined;
  }
}

/**
 * Rings around the root by distance from it, a long level spread over several rings: linear time, so a big
 * neighbourhood appears at once. Nodes keep their breadth-first order, so a node's neighbours sit together.
 */
interface RingSpacing { ringStep: number; spacing: number }
const roomyRings: RingSpacing = { ringStep: 190, spacing: 95 };
const denseRings: RingSpacing = { ringStep: 70, spacing: 42 };

function ringPositions(subgraph: Subgraph, rootId: string | null, { ringStep, spacing }: RingSpacing): { positions: Map<string, { x: number; y: number }>; radius: number } {
  const adjacent = new Map<string, string[]>();
  for (const e of subgraph.edges) {
    (adjacent.get(e.from) ?? adjacent.set(e.from, []).get(e.from)!).push(e.to);
    (adjacent.get(e.to) ?? adjacent.set(e.to, []).get(e.to)!).push(e.from);
  }
  const levels: string[][] = [];
  const seen = new Set<string>();
  let frontier = rootId && subgraph.nodes.some(n => n.id === rootId) ? [rootId] : [];
  frontier.forEach(id => seen.add(id));
  while (frontier.length > 0) {
    levels.push(frontier);
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  const unreached = subgraph.nodes.filter(n => !seen.has(n.id)).map(n => n.id);
  if (unreached.length > 0) levels.push(unreached);

  const positions = new Map<string, { x: number; y: number }>();
  let radius = 0;
  for (const level of levels) {
    if (radius === 0 && level.length === 1) {
      positions.set(level[0], { x: 0, y: 0 });
      continue;
    }
    let placed = 0;
    while (placed < level.length) {
      radius += ringStep;
      const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
      const ring = level.slice(placed, placed + capacity);
      const turn = (radius / ringStep) * 0.37; // each ring turned a little, so spokes do not line up
      ring.forEach((id, i) => {
        const angle = turn + (2 * Math.PI * i) / ring.length;
        positions.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
      });
      placed += ring.length;
    }
  }
  return { positions, radius: radius + 80 }; // room for the outer labels
}

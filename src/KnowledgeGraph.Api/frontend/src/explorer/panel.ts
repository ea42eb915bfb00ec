// The side panel: what the graph knows about the selected node, by type.
import type { CareerEvent, ModelDetails, NodeDetails, OrganizationDetails, PaperDetails, PersonDetails, SourceRef } from './api';
import { h } from './dom';
import { dateRange, relationVerb, typeLabels } from './labels';

/** Opens a node named in the panel (it becomes the selection). */
export type OpenNode = (id: string) => void;

export function renderDetails(node: NodeDetails, asOf: string | null, open: OpenNode): HTMLElement {
  const body = (() => {
    switch (node.__typename) {
      case 'Person': return person(node, open);
      case 'Organization': return organization(node, asOf, open);
      case 'Model': return model(node, open);
      case 'Paper': return paper(node, open);
    }
  })();
  return h('article', { className: `details type-${node.__typename}`, 'aria-labelledby': 'details-title' },
    h('header', {},
      h('p', { className: 'details-type' }, h('span', { className: 'type-dot', 'aria-hidden': 'true' }), typeLabels[node.__typename]),
      h('h2', { id: 'details-title', tabindex: '-1' }, node.name),
      node.aliases.length > 0 && h('p', { className: 'aliases' }, `Also known as ${node.aliases.join(', ')}`)),
    body);
}

function link(id: string, name: string, open: OpenNode): HTMLButtonElement {
  return h('button', { type: 'button', className: 'node-link', 'data-id': id, onclick: () => open(id) }, name);
}

function section(title: string, ...content: (Node | string | false | null | undefined)[]): HTMLElement {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h3', { id }, title), ...content);
}

function empty(text: string): HTMLElement {
  return h('p', { className: 'empty' }, text);
}

function person(p: PersonDetails, open: OpenNode): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const status = p.status;
  const statusText =
    status.kind === 'EMPLOYED' && status.organization ? ['At ', link(status.organization.id, status.organization.name, open), status.since ? ` since ${status.since}` : '']
    : status.kind === 'DEPARTED' && status.organization ? ['Left ', link(status.organization.id, status.organization.name, open), status.since ? ` in ${status.since}` : '', '; next affiliation unknown']
    : ['Not known from our sources'];
  fragment.append(h('p', { className: `status status-${status.kind.toLowerCase()}` },
    h('span', { className: 'status-kind' }, status.kind.charAt(0) + status.kind.slice(1).toLowerCase()), ' · ', ...statusText));

  const current = p.currentAffiliation;
  fragment.append(section('Current affiliation', current
    ? h('p', {}, link(current.organization.id, current.organization.name, open), current.title ? `, ${current.title}` : '', current.start ? ` (since ${current.start})` : '')
    : empty('None on record.')));

  fragment.append(section('Career', p.affiliations.length === 0 ? empty('No affiliations on record.') :
    h('ul', { className: 'career' }, p.affiliations.map(a => h('li', {},
      h('span', { className: 'dates' }, dateRange(a.relation, a.start, a.end) || 'undated'), ' ',
      relationVerb(a.relation), ' ', link(a.organization.id, a.organization.name, open),
      a.title ? ` — ${a.title}` : '', a.isCurrent ? h('span', { className: 'badge' }, 'current') : null)))));

  fragment.append(section('Timeline', timeline(p.timeline, open)));

  fragment.append(section('Contributions', p.contributions.length === 0 ? empty('No contributions on record.') :
    h('ul', { className: 'contributions' }, p.contributions.map(c => h('li', {},
      relationVerb(c.relation), ' ', link(c.work.id, c.work.name, open),
      h('span', { className: 'muted' }, ` ${typeLabels[c.work.__typename].toLowerCase()}`), c.role ? ` — ${c.role}` : '')))));
  return fragment;
}

/** Dated events first, oldest first; undated ones after them. */
function byDate(a: CareerEvent, b: CareerEvent): number {
  if (a.start && b.start) return a.start.localeCompare(b.start);
  if (a.start) return -1;
  if (b.start) return 1;
  return 0;
}

function timeline(events: CareerEvent[], open: OpenNode): HTMLElement {
  if (events.length === 0) return empty('No dated events on record.');
  return h('ol', { className: 'timeline' }, [...events].sort(byDate).map(e => h('li', { className: `event relation-${e.relation}` },
    h('p', { className: 'event-line' },
      h('span', { className: 'dates' }, dateRange(e.relation, e.start, e.end) || 'undated'), ' ',
      h('strong', {}, relationVerb(e.relation)), ' ', link(e.target.id, e.target.name, open), e.role ? ` — ${e.role}` : ''),
    sources(e.sources))));
}

function sources(refs: SourceRef[]): HTMLElement | null {
  if (refs.length === 0) return null;
  const [first, ...rest] = refs;
  return h('div', { className: 'sources' },
    source(first),
    rest.length > 0 && h('details', {},
      h('summary', {}, `${rest.length} more source${rest.length === 1 ? '' : 's'}`),
      rest.map(source)));
}

function source(ref: SourceRef): HTMLElement {
  const title = ref.source.title ?? ref.source.url ?? 'Untitled source';
  return h('div', { className: 'source' },
    ref.quote ? h('blockquote', {}, `“${ref.quote}”`) : null,
    ref.note ? h('p', { className: 'note' }, ref.note) : null,
    h('p', { className: 'cite' },
      ref.source.url ? h('a', { href: ref.source.url, target: '_blank', rel: 'noopener noreferrer' }, title) : title,
      ref.source.publishedOn ? h('span', { className: 'muted' }, ` · ${ref.source.publishedOn}`) : null));
}

function organization(o: OrganizationDetails, asOf: string | null, open: OpenNode): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(h('p', { className: 'meta' }, o.kind.charAt(0) + o.kind.slice(1).toLowerCase(),
    o.parent ? [', part of ', link(o.parent.id, o.parent.name, open)] : null));

  fragment.append(section(asOf ? `Members as of ${asOf}` : 'Members now', o.members.length === 0 ? empty('No members on record.') :
    h('ul', { className: 'members' }, o.members.map(m => h('li', {},
      link(m.person.id, m.person.name, open), m.title ? ` — ${m.title}` : '', m.start ? h('span', { className: 'muted' }, ` since ${m.start}`) : null)))));

  const byYear = new Map<string, OrganizationDetails['departures']>();
  for (const d of o.departures) {
    const year = d.on?.slice(0, 4) ?? 'Undated';
    byYear.set(year, [...(byYear.get(year) ?? []), d]);
  }
  const years = [...byYear.keys()].sort((a, b) => b.localeCompare(a));
  fragment.append(section('Departures by year', years.length === 0 ? empty('No departures on record.') :
    h('div', { className: 'departures' }, years.map(year => h('div', { className: 'departure-year' },
      h('h4', {}, `${year} `, h('span', { className: 'muted' }, `(${byYear.get(year)!.length})`)),
      h('ul', {}, byYear.get(year)!.map(d => h('li', {},
        link(d.person.id, d.person.name, open), d.on && d.on.length > 4 ? h('span', { className: 'muted' }, ` ${d.on}`) : null,
        d.nextAffiliation ? [' → ', link(d.nextAffiliation.organization.id, d.nextAffiliation.organization.name, open)] : null))))))));

  fragment.append(section('Models', o.models.length === 0 ? empty('No models on record.') :
    h('ul', { className: 'inline-list' }, o.models.map(m => h('li', {}, link(m.id, m.name, open))))));
  return fragment;
}

function model(m: ModelDetails, open: OpenNode): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(section('Developed by', m.developers.length === 0 ? empty('No developer on record.') :
    h('ul', { className: 'inline-list' }, m.developers.map(d => h('li', {}, link(d.id, d.name, open))))));
  fragment.append(section('Builders', m.builders.length === 0 ? empty('No builders on record.') :
    h('ul', { className: 'builders' }, m.builders.map(b => h('li', {},
      link(b.person.id, b.person.name, open), ` — ${relationVerb(b.relation).toLowerCase()}`, b.role ? `, ${b.role}` : '',
      h('span', { className: `badge status-${b.person.status.kind.toLowerCase()}` }, b.person.status.kind.toLowerCase()))))));
  return fragment;
}

function paper(p: PaperDetails, open: OpenNode): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(h('p', { className: 'meta' }, [p.venue, p.year].filter(Boolean).join(', ') || 'Venue and year unknown'));
  fragment.append(section('Authors', p.authors.length === 0 ? empty('No authors on record.') :
    h('ul', { className: 'inline-list' }, p.authors.map(a => h('li', {}, link(a.person.id, a.person.name, open))))));
  return fragment;
}

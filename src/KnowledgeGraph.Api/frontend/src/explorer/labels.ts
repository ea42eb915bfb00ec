// Words shown to people for the graph's relations, types and dates.
import type { NodeType } from './api';

export const typeLabels: Record<NodeType, string> = {
  Person: 'Person',
  Organization: 'Organization',
  Model: 'Model',
  Paper: 'Paper',
};

export const typePlurals: Record<NodeType, string> = {
  Person: 'People',
  Organization: 'Organizations',
  Model: 'Models',
  Paper: 'Papers',
};

const relationVerbs: Record<string, string> = {
  WORKED_AT: 'Worked at',
  STUDIED_AT: 'Studied at',
  WORKED_ON: 'Worked on',
  LED: 'Led',
  AUTHORED: 'Authored',
  JOINED: 'Joined',
  LEFT: 'Left',
  FOUNDED: 'Founded',
  DEVELOPED_BY: 'Developed by',
  PART_OF: 'Part of',
};

/** "WORKED_AT" → "Worked at"; unknown relations are spelled out the same way. */
export function relationVerb(relation: string): string {
  return relationVerbs[relation] ?? relation.charAt(0) + relation.slice(1).toLowerCase().replaceAll('_', ' ');
}

const events = new Set(['JOINED', 'LEFT', 'FOUNDED']);

/** "2019–2026-01", "2019–", "2026-01" (an event), or "" when undated. */
export function dateRange(relation: string, start: string | null, end: string | null): string {
  if (events.has(relation)) return start ?? '';
  if (start && end) return start === end ? start : `${start}–${end}`;
  if (start) return `${start}–`;
  if (end) return `–${end}`;
  return '';
}

/** The text drawn on an edge: relation and dates. */
export function edgeLabel(relation: string, start: string | null, end: string | null): string {
  const dates = dateRange(relation, start, end);
  const verb = relationVerb(relation).toLowerCase();
  return dates ? `${verb} ${dates}` : verb;
}

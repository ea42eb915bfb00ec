// The explorer's only server: POST /graphql. Each function is one query of the public schema.

export type NodeType = 'Person' | 'Organization' | 'Model' | 'Paper';

export interface NodeRef { id: string; name: string; __typename: NodeType }

export interface GraphEdge {
  id: string; from: string; to: string; relation: string;
  start: string | null; end: string | null; activeAsOf: boolean; role: string | null;
}

export interface Subgraph { nodes: NodeRef[]; edges: GraphEdge[] }

export interface SourceRef {
  quote: string | null; note: string | null;
  source: { title: string | null; url: string | null; publishedOn: string | null };
}

export interface CareerEvent {
  relation: string; target: NodeRef; start: string | null; end: string | null; role: string | null; sources: SourceRef[];
}

export interface Affiliation {
  organization: { id: string; name: string }; relation: string; title: string | null;
  start: string | null; end: string | null; isCurrent: boolean; sources: SourceRef[];
}

export interface PersonDetails {
  __typename: 'Person'; id: string; name: string; aliases: string[];
  status: { kind: 'EMPLOYED' | 'DEPARTED' | 'UNKNOWN'; since: string | null; organization: { id: string; name: string } | null };
  currentAffiliation: { organization: { id: string; name: string }; title: string | null; start: string | null } | null;
  affiliations: Affiliation[];
  contributions: { relation: string; role: string | null; work: NodeRef }[];
  timeline: CareerEvent[];
}

export interface OrganizationDetails {
  __typename: 'Organization'; id: string; name: string; aliases: string[]; kind: string;
  parent: { id: string; name: string } | null;
  members: { person: { id: string; name: string }; title: string | null; start: string | null }[];
  departures: { person: { id: string; name: string }; on: string | null; nextAffiliation: { organization: { id: string; name: string } } | null }[];
  models: { id: string; name: string }[];
}

export interface ModelDetails {
  __typename: 'Model'; id: string; name: string; aliases: string[];
  developers: { id: string; name: string }[];
  builders: { relation: string; role: string | null; person: { id: string; name: string; status: { kind: string } } }[];
}

export interface PaperDetails {
  __typename: 'Paper'; id: string; name: string; aliases: string[]; year: number | null; venue: string | null;
  authors: { person: { id: string; name: string } }[];
}

export type NodeDetails = PersonDetails | OrganizationDetails | ModelDetails | PaperDetails;

/** An error the API returned, with its messages joined for display. */
export class GraphQLRequestError extends Error {}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = await response.json().catch(() => null) as { data?: T; errors?: { message: string }[] } | null;
  if (!body) throw new GraphQLRequestError(`The API answered ${response.status} without a GraphQL result.`);
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map(e => e.message).join('; '));
  return body.data as T;
}

export async function search(text: string, signal?: AbortSignal): Promise<NodeRef[]> {
  const data = await graphql<{ search: NodeRef[] }>(
    'query Search($text: String!) { search(text: $text, first: 12) { __typename id name } }', { text }, signal);
  return data.search;
}

const subgraphFields = 'nodes { __typename id name } edges { id from to relation start end activeAsOf role }';

export async function neighborhood(id: string, asOf: string | null): Promise<Subgraph> {
  const data = await graphql<{ neighborhood: Subgraph }>(
    `query Neighborhood($id: ID!, $asOf: PartialDate) { neighborhood(id: $id, depth: 1, asOf: $asOf) { ${subgraphFields} } }`,
    { id, asOf });
  return data.neighborhood;
}

/** The neighbourhoods of several nodes in one request (one aliased field each). */
export async function neighborhoods(ids: string[], asOf: string | null): Promise<Subgraph[]> {
  if (ids.length === 0) return [];
  const params = ids.map((_, i) => `$id${i}: ID!`).join(', ');
  const fields = ids.map((_, i) => `n${i}: neighborhood(id: $id${i}, depth: 1, asOf: $asOf) { ${subgraphFields} }`).join('\n');
  const variables: Record<string, unknown> = { asOf };
  ids.forEach((id, i) => { variables[`id${i}`] = id; });
  const data = await graphql<Record<string, Subgraph>>(`query Neighborhoods(${params}, $asOf: PartialDate) { ${fields} }`, variables);
  return ids.map((_, i) => data[`n${i}`]);
}

const sourceFields = 'quote note source { title url publishedOn }';

const detailsQuery = `query Details($id: ID!, $asOf: PartialDate) {
  node(id: $id) {
    __typename id name aliases
    ... on Person {
      status { kind since organization { id name } }
      currentAffiliation { organization { id name } title start }
      affiliations { organization { id name } relation title start end isCurrent sources { ${sourceFields} } }
      contributions { relation role work { __typename id name } }
      timeline { relation target { __typename id name } start end role sources { ${sourceFields} } }
    }
    ... on Organization {
      kind parent { id name }
      members(asOf: $asOf) { person { id name } title start }
      departures { person { id name } on nextAffiliation { organization { id name } } }
      models { id name }
    }
    ... on Model {
      developers { id name }
      builders { relation role person { id name status { kind } } }
    }
    ... on Paper { year venue authors { person { id name } } }
  }
}`;

/** What the side panel shows of a node; an organization's members are those as of asOf (now when null). */
export async function details(id: string, asOf: string | null): Promise<NodeDetails | null> {
  const data = await graphql<{ node: NodeDetails | null }>(detailsQuery, { id, asOf });
  return data.node;
}

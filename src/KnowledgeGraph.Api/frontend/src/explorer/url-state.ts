// The view in the address bar: ?node=person:jerry-tworek&asOf=2024-06, so a view can be shared.

export interface ViewState { node: string | null; asOf: string | null }

const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function readView(location: Location = window.location): ViewState {
  const params = new URLSearchParams(location.search);
  const node = params.get('node')?.trim() || null;
  const asOf = params.get('asOf')?.trim() || null;
  return { node, asOf: asOf && partialDate.test(asOf) ? asOf : null };
}

export function writeView(view: ViewState): void {
  const params = new URLSearchParams();
  if (view.node) params.set('node', view.node);
  if (view.asOf) params.set('asOf', view.asOf);
  const query = params.toString().replaceAll('%3A', ':');
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', url);
  }
}

// The GraphiQL page at /graphql/ui/: an editor for people writing dashboard queries against /graphql.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// Monaco runs its language services in workers; build.mjs bundles each one under dist/workers.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`/dist/workers/${name}.worker.js`);
  },
};

const defaultQuery = `# Who built Codex, and where are they now?
{
  model(name: "Codex") {
    builders {
      relation
      role
      person {
        name
        status { kind since organization { name } }
        currentAffiliation { organization { name } title start }
      }
    }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
}

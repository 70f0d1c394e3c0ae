// Runs graphql-http's server audit against the URL given as the first argument and prints
// one JSON array of {id, name, status, reason} (status: ok, warn, notice or error).
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://host:port/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
const rows = results.map((r) => ({
  id: r.id,
  name: r.name,
  status: r.status,
  reason: r.status === 'ok' ? null : r.reason,
}));
console.log(JSON.stringify(rows, null, 1));

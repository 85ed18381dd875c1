// A fake Dealwire API serving the add-on's contract from a fixture file and recording every call.
// Used by the unit tests (as the server behind a fake fetch) and, over HTTP, by the end-to-end test
// until it runs against the real service. `handle()` is the contract; `listen()` puts it on a port.
//   node e2e/fake-api.mjs [--port 18080] [--fixtures e2e/fixtures/dealwire.json]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_FIXTURES = path.join(HERE, "fixtures", "dealwire.json");

const problem = (status, title, detail) => ({ status, type: "application/problem+json", body: { type: "about:blank", title, status, detail } });
const ok = body => ({ status: 200, body });

export function createFakeApi(fixtures = JSON.parse(fs.readFileSync(DEFAULT_FIXTURES, "utf8"))) {
  const db = structuredClone(fixtures);
  const calls = [];
  const stageOf = id => db.stages.find(s => s.id === id);
  const domainOf = email => email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const ignores = { emails: new Set(), domains: new Set() };
  const privateConversations = new Set();
  let seq = 0;

  function dealView(d) {
    const { contactEmails, stage, ...rest } = d;
    return { ...rest, stage: stageOf(stage) || { id: stage, name: stage, kind: "open" } };
  }

  function context({ messageId, email }) {
    email = String(email || "").toLowerCase();
    const conversation = db.conversations.find(c => c.messageIds.includes(messageId));
    const base = { internal: false, known: false, contact: null, company: null, deals: [], linkedDealId: conversation ? conversation.dealId : null,
      conversationId: conversation ? conversation.id : `cv-${messageId}`, timeline: [], stages: db.stages };
    if (db.internalDomains.includes(domainOf(email))) return { ...base, internal: true };
    if (ignores.emails.has(email) || ignores.domains.has(domainOf(email))) return base;
    const contact = db.contacts.find(c => c.emails.includes(email)) || null;
    const company = db.companies.find(c => (contact && c.id === contact.companyId) || c.domains.includes(domainOf(email))) || null;
    const deals = db.deals.filter(d => d.contactEmails.includes(email)).map(dealView);
    const timeline = db.timeline.filter(t => t.contactEmail === email).map(({ contactEmail, ...t }) => t);
    return { ...base, known: Boolean(contact), contact, company, deals, timeline };
  }

  function search({ q, limit, cursor }) {
    const words = String(q || "").toLowerCase().replace(/\w+:"[^"]*"/g, " ").split(/\s+/).filter(Boolean);
    const filters = [...String(q || "").matchAll(/(\w+):"([^"]*)"/g)].map(m => [m[1], m[2]]);
    const all = db.searchHits.filter(hit => {
      const text = `${hit.subject} ${hit.snippet} ${hit.from}`.toLowerCase();
      return words.every(w => text.includes(w)) && filters.every(([f, v]) => String(hit[f] ?? "") === v);
    });
    const start = Number(cursor || 0);
    const n = Number(limit || 20);
    const page = all.slice(start, start + n);
    const facets = {};
    for (const f of ["company", "stage", "deal", "owner", "month"]) {
      facets[f] = {};
      for (const hit of all) if (hit[f]) facets[f][hit[f]] = (facets[f][hit[f]] || 0) + 1;
    }
    return { total: all.length, hits: page.map(({ owner, month, ...h }) => h), facets, next: start + n < all.length ? String(start + n) : null };
  }

  /** The contract: ({method, path, query, body, headers}) → {status, body}. */
  function handle({ method, path: p, query = {}, body = null, headers = {} }) {
    const call = { method, path: p, query, body, at: new Date().toISOString() };
    calls.push(call);
    if (method === "GET" && p === "/api/health") return ok({ status: "ok" });
    const auth = headers.authorization || headers.Authorization || "";
    if (auth !== `Bearer ${db.token}`) return problem(401, "Unauthorized", "Missing or unknown API token.");
    let m;
    if (method === "GET" && p === "/api/me") return ok(db.me);
    if (method === "GET" && p === "/api/context") {
      if (!query.messageId && !query.email) return problem(400, "Bad request", "messageId or email is required.");
      return ok(context(query));
    }
    if (method === "GET" && p === "/api/search") return ok(search(query));
    if (method === "POST" && (m = p.match(/^\/api\/deals\/([^/]+)\/stage$/))) {
      const deal = db.deals.find(d => d.id === decodeURIComponent(m[1]));
      if (!deal) return problem(404, "Not found", `No deal ${m[1]}.`);
      if (!body || !stageOf(body.stage)) return problem(422, "Unknown stage", `No stage "${body && body.stage}" in this pipeline.`);
      deal.stage = body.stage;
      deal.evidence = [...deal.evidence, { toStage: body.stage, rule: "manual", quote: `${db.me.name} set the stage`, messageId: null, at: new Date().toISOString(), confidence: 1, mode: "manual" }];
      return ok(dealView(deal));
    }
    if (method === "POST" && (m = p.match(/^\/api\/deals\/([^/]+)\/suggestions\/([^/]+)\/(accept|dismiss)$/))) {
      const deal = db.deals.find(d => d.id === decodeURIComponent(m[1]));
      const suggestion = deal && deal.suggestions.find(s => s.id === decodeURIComponent(m[2]));
      if (!suggestion) return problem(404, "Not found", `deal ${m[1]} has no suggestion ${m[2]}`);
      deal.suggestions = deal.suggestions.filter(s => s !== suggestion);
      if (m[3] === "accept") {
        deal.stage = suggestion.toStage;
        deal.evidence = [...deal.evidence, { toStage: suggestion.toStage, rule: "suggestion", quote: suggestion.quote, messageId: null, at: suggestion.at, confidence: 1, mode: "manual" }];
      }
      return ok(dealView(deal));
    }
    if (method === "POST" && (m = p.match(/^\/api\/conversations\/([^/]+)\/link$/))) {
      const id = decodeURIComponent(m[1]);
      let conversation = db.conversations.find(c => c.id === id);
      if (!conversation) db.conversations.push(conversation = { id, messageIds: [id.replace(/^cv-/, "")], dealId: null });
      if (body && body.dealId) {
        if (!db.deals.some(d => d.id === body.dealId)) return problem(404, "Not found", `No deal ${body.dealId}.`);
        conversation.dealId = body.dealId;
      } else if (body && body.newDeal && body.newDeal.title) {
        const deal = { id: `d-new-${++seq}`, title: body.newDeal.title, pipelineId: "default", stage: db.stages[0].id, ownerId: db.me.id, value: null, currency: null,
          contactEmails: [], needsReply: false, awaitingReply: false, inactive: false, daysSinceActivity: 0, lastActivity: new Date().toISOString(), evidence: [], suggestions: [] };
        const other = db.deals.find(d => d.id === conversation.dealId);
        deal.contactEmails = other ? [...other.contactEmails] : [];
        db.deals.push(deal);
        conversation.dealId = deal.id;
      } else return problem(400, "Bad request", "Send dealId or newDeal.");
      return ok({ dealId: conversation.dealId, newDeal: !(body && body.dealId), messages: conversation.messageIds.length });
    }
    if (method === "POST" && p === "/api/ignores") {
      if (body && body.email) ignores.emails.add(body.email.toLowerCase());
      else if (body && body.domain) ignores.domains.add(body.domain.toLowerCase());
      else return problem(400, "Bad request", "Send email or domain.");
      return ok(body);
    }
    if (method === "POST" && (m = p.match(/^\/api\/conversations\/([^/]+)\/private$/))) {
      const id = decodeURIComponent(m[1]);
      if (body && body.private) privateConversations.add(id); else privateConversations.delete(id);
      return ok({ conversationId: id, private: privateConversations.has(id) });
    }
    if (method === "POST" && p === "/api/contacts") {
      if (!body || !body.email) return problem(400, "Bad request", "email is required.");
      const email = body.email.toLowerCase();
      if (db.contacts.some(c => c.emails.includes(email))) return problem(409, "Conflict", `${email} is already a contact.`);
      const contact = { id: `ct-new-${++seq}`, name: body.name || email, title: null, emails: [email], phones: [], companyId: null };
      db.contacts.push(contact);
      return { status: 201, body: { contact, companyName: null, dealIds: [] } };
    }
    if (method === "POST" && p === "/api/deals") {
      if (!body || !body.title) return problem(400, "Bad request", "title is required.");
      const email = String(body.contactEmail || "").toLowerCase();
      if (email && !db.contacts.some(c => c.emails.includes(email))) db.contacts.push({ id: `ct-new-${++seq}`, name: email, title: null, emails: [email], phones: [], companyId: null });
      const deal = { id: `d-new-${++seq}`, title: body.title, pipelineId: "default", stage: db.stages[0].id, ownerId: db.me.id, value: null, currency: null,
        contactEmails: email ? [email] : [], needsReply: false, awaitingReply: false, inactive: false, daysSinceActivity: 0, lastActivity: new Date().toISOString(), evidence: [], suggestions: [] };
      db.deals.push(deal);
      return { status: 201, body: dealView(deal) };
    }
    return problem(404, "Not found", `No route ${method} ${p}.`);
  }

  return { handle, calls, db, actions: () => calls.filter(c => c.method === "POST") };
}

/**
 * Serves a fake API over HTTP on 127.0.0.1. Test controls: GET /__calls returns the recorded calls;
 * POST /__down makes every other request fail at the network level (the socket is closed
 * unanswered, as when the server is gone) until POST /__up.
 */
export function listen(api, port = 0) {
  let down = false;
  const server = http.createServer((req, res) => {
    if (req.url === "/__down" || req.url === "/__up") {
      down = req.url === "/__down";
      res.writeHead(204).end();
      return;
    }
    if (down && req.url !== "/__calls") {
      req.socket.destroy();
      return;
    }
    let raw = "";
    req.on("data", chunk => { raw += chunk; });
    req.on("end", () => {
      const url = new URL(req.url, "http://127.0.0.1");
      let out;
      if (url.pathname === "/__calls") out = ok(api.calls);
      else {
        let body = null;
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch {
          out = problem(400, "Bad request", "The body is not JSON.");
        }
        out = out || api.handle({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, headers: req.headers });
      }
      res.writeHead(out.status, { "Content-Type": out.status >= 400 ? "application/problem+json" : "application/json" });
      res.end(JSON.stringify(out.body));
    });
  });
  return new Promise(resolve => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = name => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const fixtures = JSON.parse(fs.readFileSync(opt("--fixtures") || DEFAULT_FIXTURES, "utf8"));
  const server = await listen(createFakeApi(fixtures), Number(opt("--port") || 18080));
  console.log(`fake Dealwire API on http://127.0.0.1:${server.address().port} (token ${fixtures.token})`);
}

// Interlock serve: the page. Every name from the portfolio is shown with textContent or as a
// text node, never parsed as HTML; the drawings are SVG parsed as XML and imported.
'use strict';

const $ = (id) => document.getElementById(id);
const VIEWS = [
  ['risks', 'Risks'], ['units', 'Business units'], ['roadmap', 'Roadmap'],
  ['landscape', 'Capability landscape'], ['overview', 'Overview'], ['capabilities', 'Capabilities'],
];
const PAGE = 100;
const state = { summary: null, node: null, view: null, shown: 0, newKeys: new Set(), searchTimer: 0, searchAsked: 0 };

// An element with text and children; strings become text nodes.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get('content-type') || '';
  const body = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(body && body.error ? body.error.message : response.statusText);
    error.status = response.status;
    error.detail = body && body.error;
    throw error;
  }
  return body;
}

function nodeButton(reference, onClick) {
  return el('button', { type: 'button', onclick: onClick || (() => focusOn(reference.id)) },
    reference.name, el('span', { className: 'kind', text: reference.kind + ' · ' + reference.id }));
}

function money(value, currency) {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(value) + (currency ? ' ' + currency : '');
}

// The header, the filters and the problem banner.
async function loadSummary() {
  const summary = await api('/api/summary');
  state.summary = summary;
  document.title = summary.portfolio + ' · Interlock';
  $('portfolio-name').textContent = summary.portfolio;
  const f = summary.findings;
  $('counts').textContent = `${summary.nodes.Initiative} initiatives · ${f.error} errors, ${f.warning} warnings, ${f.info} notes`;
  fillSelect($('filter-severity'), [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Notes']]);
  fillSelect($('filter-rule'), summary.rules.map((r) => [r.rule, `${r.title} (${r.findings})`]));
  fillSelect($('filter-unit'), summary.units.map((u) => [u.id, u.name]));
  fillSelect($('filter-owner'), summary.owners.map((o) => [o.id, o.name]));
  showProblem(summary.problem);
}

function fillSelect(select, options) {
  const chosen = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const [value, label] of options) select.add(new Option(label, value));
  select.value = options.some(([value]) => value === chosen) ? chosen : '';
}

function showProblem(message) {
  const banner = $('problem');
  banner.hidden = !message;
  banner.textContent = message ? 'The files as saved do not load; the page shows the last version that did.\n' + message : '';
}

function findingItem(finding) {
  const item = el('li', { 'data-key': finding.key, 'data-number': String(finding.number) });
  if (state.newKeys.has(finding.key)) item.className = 'new';
  const first = finding.nodeDetails[0];
  item.append(el('button', { type: 'button', onclick: () => first && focusOn(first.id) },
    el('span', { className: 'severity ' + finding.severity, text: finding.severity }),
    el('strong', { text: finding.title }), el('br'), finding.message));
  return item;
}

async function loadFindings(more) {
  const query = new URLSearchParams();
  for (const [name, id] of [['severity', 'filter-severity'], ['rule', 'filter-rule'], ['unit', 'filter-unit'], ['owner', 'filter-owner']]) {
    if ($(id).value) query.set(name, $(id).value);
  }
  query.set('offset', more ? String(state.shown) : '0');
  query.set('limit', String(PAGE));
  const page = await api('/api/findings?' + query);
  const list = $('findings');
  if (!more) list.replaceChildren();
  for (const finding of page.findings) list.append(findingItem(finding));
  state.shown = list.children.length;
  $('findings-count').textContent = `(${page.total})`;
  $('more-findings').hidden = state.shown >= page.total;
}

async function search() {
  const text = $('search').value.trim();
  const asked = ++state.searchAsked;
  const list = $('search-results');
  if (!text) { list.replaceChildren(); return; }
  const found = await api('/api/nodes?search=' + encodeURIComponent(text) + '&limit=20');
  if (asked !== state.searchAsked) return;
  list.replaceChildren(...found.map((reference) => el('li', {}, nodeButton(reference))));
  if (found.length === 0) list.append(el('li', { className: 'hint', text: 'Nothing has that name or id.' }));
}

function focusOn(id) {
  const hash = '#node=' + encodeURIComponent(id);
  if (location.hash === hash) loadNode(id); else location.hash = hash;
  selectTab('focus');
}

// Everything about one node: facts, diagram, what breaks without it, findings, fields, relations.
async function loadNode(id) {
  let node;
  try {
    node = await api('/api/nodes/' + encodeURIComponent(id));
  } catch (error) {
    $('focus-hint').textContent = error.message;
    $('focus-hint').hidden = false;
    return;
  }
  state.node = node.id;
  $('focus-hint').hidden = true;
  $('node').hidden = false;
  $('node-title').textContent = node.name;
  const facts = [node.kind + ' ' + node.id];
  facts.push(node.unit ? 'in ' + node.unit.name : 'in no business unit');
  facts.push(node.owner ? 'owned by ' + node.owner.name : 'no owner named');
  facts.push(`written in ${node.location.file}, line ${node.location.line}`);
  $('node-facts').textContent = facts.join(' · ');
  const breaks = node.dependents;
  $('breaks-summary').textContent = breaks.total === 0
    ? 'No active initiative needs it.'
    : `${breaks.total} active initiatives need it (they depend on it, use it, read or write it, or run on it), `
      + `${breaks.direct} of them directly; without it they lose what they need.`;
  $('breaks').replaceChildren(...breaks.initiatives.map((d) => el('li', {},
    el('button', { type: 'button', className: 'linkish', onclick: () => focusOn(d.id), text: d.name }),
    el('span', { className: 'kind', text: d.path.length > 2 ? 'through ' + d.path.slice(1, -1).join(' → ') : 'directly' }))));
  $('node-findings').replaceChildren(...node.findings.map(findingItem));
  if (node.findings.length === 0) $('node-findings').append(el('li', { className: 'hint', text: 'None.' }));
  $('fields').replaceChildren(...node.fields.flatMap((field) => [
    el('dt', { text: field.name }),
    el('dd', { text: Array.isArray(field.value) ? field.value.join(', ') : String(field.value) }),
  ]));
  $('relation-count').textContent = node.relationCount > node.relations.length
    ? `(the first ${node.relations.length} of ${node.relationCount})` : `(${node.relationCount})`;
  $('relations').replaceChildren(...node.relations.map((relation) => el('li', {},
    el('span', { className: 'kind', text: (relation.direction === 'out' ? relation.type + ' →' : '← ' + relation.type) + ' ' }),
    el('button', { type: 'button', className: 'linkish', onclick: () => focusOn(relation.node.id), text: relation.node.name }))));
  await loadFocusDiagram();
}

async function loadFocusDiagram() {
  if (!state.node) return;
  const query = new URLSearchParams({ view: 'focus', node: state.node, depth: $('depth').value, direction: $('direction').value });
  await drawInto($('focus-diagram'), '/api/render?' + query);
}

async function loadView(view) {
  state.view = view;
  for (const button of $('view-buttons').children) button.setAttribute('aria-pressed', String(button.dataset.view === view));
  await drawInto($('view-diagram'), '/api/render?view=' + view);
}

async function drawInto(container, address) {
  container.classList.add('loading');
  try {
    const text = await api(address);
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    if (svg.nodeName !== 'svg') throw new Error('The drawing could not be read.');
    container.replaceChildren(document.importNode(svg, true));
  } catch (error) {
    container.replaceChildren(el('p', { className: 'hint', text: 'No drawing: ' + error.message }));
  } finally {
    container.classList.remove('loading');
  }
}

// A click on a box of a drawing moves the focus there (boxes that are not nodes, such as the
// legend's, have ids the portfolio does not know and are ignored).
function followClicks(container) {
  container.addEventListener('click', async (event) => {
    const box = event.target.closest('g.node');
    const title = box && box.querySelector('title');
    if (!title) return;
    try {
      await api('/api/nodes/' + encodeURIComponent(title.textContent));
      focusOn(title.textContent);
    } catch (error) {
      if (error.status !== 404) throw error;
    }
  });
}

async function runQuery() {
  const text = $('query-text').value;
  const errorBox = $('query-error');
  errorBox.hidden = true;
  $('query-status').textContent = 'Running…';
  $('query-table').replaceChildren();
  try {
    const result = await api('/api/query', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text }),
    });
    $('query-status').textContent = `${result.cells.length} rows`;
    const head = el('tr', {}, ...result.columns.map((name) => el('th', { text: name })));
    const rows = result.cells.map((row) => el('tr', {}, ...row.map((cell) => el('td', { text: cell }))));
    $('query-table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  } catch (error) {
    $('query-status').textContent = '';
    errorBox.hidden = false;
    const position = error.detail && error.detail.position;
    if (position) {
      const line = text.split('\n')[position.line - 1] || '';
      errorBox.textContent = `line ${position.line}, column ${position.column}: ${error.message}\n${line}\n${' '.repeat(Math.max(0, position.column - 1))}^`;
    } else {
      errorBox.textContent = error.message;
    }
  }
}

function selectTab(name) {
  for (const button of document.querySelectorAll('.tabs button')) button.setAttribute('aria-selected', String(button.dataset.tab === name));
  for (const tab of document.querySelectorAll('.tab')) tab.hidden = tab.id !== 'tab-' + name;
  if (name === 'views' && !state.view) loadView(VIEWS[0][0]);
}

function showUpdate(update) {
  state.newKeys = new Set(update.appeared.map((finding) => finding.key));
  const banner = $('update');
  const parts = [`Saved: ${update.appeared.length} new and ${update.resolved.length} resolved findings.`];
  for (const finding of update.appeared.slice(0, 5)) parts.push('New: ' + finding.message);
  for (const finding of update.resolved.slice(0, 5)) parts.push('Resolved: ' + finding.message);
  banner.textContent = parts.join('\n');
  banner.hidden = false;
}

// The files changed on disk: a new version, or a problem with the last save.
function listen() {
  const events = new EventSource('/api/events');
  const live = $('live');
  events.addEventListener('open', () => { live.className = 'live on'; live.textContent = 'live'; });
  events.addEventListener('error', () => { live.className = 'live off'; live.textContent = 'reconnecting…'; });
  events.addEventListener('update', async (event) => {
    showUpdate(JSON.parse(event.data));
    await loadSummary();
    await loadFindings(false);
    if (state.node) await loadNode(state.node);
    if (state.view && !$('tab-views').hidden) await loadView(state.view);
  });
  events.addEventListener('problem', (event) => showProblem(JSON.parse(event.data).message));
}

function start() {
  for (const button of document.querySelectorAll('.tabs button')) button.addEventListener('click', () => selectTab(button.dataset.tab));
  $('view-buttons').replaceChildren(...VIEWS.map(([view, label]) =>
    el('button', { type: 'button', 'data-view': view, 'aria-pressed': 'false', onclick: () => loadView(view), text: label })));
  $('search').addEventListener('input', () => { clearTimeout(state.searchTimer); state.searchTimer = setTimeout(search, 120); });
  for (const id of ['filter-severity', 'filter-rule', 'filter-unit', 'filter-owner']) $(id).addEventListener('change', () => loadFindings(false));
  $('more-findings').addEventListener('click', () => loadFindings(true));
  $('depth').addEventListener('change', loadFocusDiagram);
  $('direction').addEventListener('change', loadFocusDiagram);
  $('fit').addEventListener('change', () => $('focus-diagram').classList.toggle('fit', $('fit').checked));
  $('to-breaks').addEventListener('click', () => $('breaks-list').scrollIntoView({ behavior: 'smooth' }));
  $('run-query').addEventListener('click', runQuery);
  $('query-text').addEventListener('keydown', (event) => { if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) runQuery(); });
  followClicks($('focus-diagram'));
  followClicks($('view-diagram'));
  window.addEventListener('hashchange', fromAddress);
  loadSummary().then(() => loadFindings(false));
  fromAddress();
  listen();
}

function fromAddress() {
  const match = /^#node=(.+)$/.exec(location.hash);
  if (match) { selectTab('focus'); loadNode(decodeURIComponent(match[1])); }
}

start();

'use strict';
// The pages of a64asm serve: plain DOM code over the JSON API (/api/assemble, /api/disasm, /api/explain, /api/verify).

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-')) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  let data;
  try { data = await response.json(); } catch { data = { error: `HTTP ${response.status}` }; }
  return { status: response.status, data };
}

function setStatus(id, text, bad) {
  const s = $(id);
  s.textContent = text;
  s.classList.toggle('bad', !!bad);
}

// ---- views -------------------------------------------------------------------------------------------------------
function show(view) {
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.view === view);
  for (const v of document.querySelectorAll('.view')) v.classList.toggle('active', v.id === 'view-' + view);
  history.replaceState(null, '', '#' + view);
}
for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => show(b.dataset.view));
const views = ['encode', 'decode', 'control', 'verify'];
window.addEventListener('hashchange', () => { if (views.includes(location.hash.slice(1))) show(location.hash.slice(1)); });

// ---- the field diagram (the same table as a64asm explain) -----------------------------------------------------------
async function explain(target, text) {
  const { status, data } = await api('/api/explain', { text });
  target.replaceChildren();
  if (status !== 200) {
    target.append(el('pre', { class: 'error-text' }, data.error));
    return;
  }
  renderDiagram(target, data);
}

function renderDiagram(target, e) {
  target.append(el('div', { class: 'diagram-title' }, `${e.word}  ${e.text}`));
  target.append(el('div', { class: 'hint' }, `form ${e.form}: ${e.syntax} [${e.feature}]`));
  const diagram = el('div', { class: 'diagram' });
  const table = el('table', { class: 'fields' }, el('tr', {}, ...['field', 'bits', 'value', '', 'meaning'].map(h => el('th', {}, h))));
  e.fields.forEach((f, i) => {
    const range = el('div', { class: 'range' }, el('span', {}, String(f.msb)), f.msb !== f.lsb ? el('span', {}, String(f.lsb)) : null);
    const box = el('div', { class: 'field ' + (f.fixed ? 'fixed' : 'operand'), 'data-name': f.name, title: f.meaning },
      range, el('div', { class: 'bits' }, f.bits), el('div', { class: 'name' }, f.name));
    const row = el('tr', { 'data-name': f.name },
      el('td', {}, `${f.name} ${f.range}`), el('td', {}, f.bits), el('td', {}, String(f.value)), el('td', {}, '→'), el('td', {}, f.meaning));
    box.addEventListener('click', () => {
      for (const x of target.querySelectorAll('.chosen')) x.classList.remove('chosen');
      box.classList.add('chosen');
      row.classList.add('chosen');
    });
    diagram.append(box);
    table.append(row);
  });
  target.append(diagram, table);
  const alias = e.writtenSyntax ? `written as an alias of ${e.formText} (${e.form})`
    : e.preferredText ? `its preferred disassembly is the alias ${e.preferredText}` : '';
  if (alias) target.append(el('div', { class: 'hint' }, alias));
}

// ---- source lines: the ranges of /api/assemble grouped by the line of the main file they came from -------------------
function mainLineOf(range, file) {
  if (range.file === file) return range.line;
  let line = null;
  for (const m of (range.context || '').matchAll(/from (\S+):(\d+)/g)) if (m[1] === file) line = Number(m[2]);
  return line;
}

function groupLines(assembly) {
  const byLine = new Map();
  for (const r of assembly.lines) {
    const line = mainLineOf(r, assembly.file);
    if (line === null) continue;
    const entry = byLine.get(line) || { words: [], bytes: [] };
    if (r.words) entry.words.push(...r.words); else if (r.bytes) entry.bytes.push(r.bytes);
    byLine.set(line, entry);
  }
  return byLine;
}

function errorsByLine(assembly) {
  const byLine = new Map();
  for (const e of assembly.errors) {
    if (e.file !== assembly.file) continue;
    if (!byLine.has(e.line)) byLine.set(e.line, []);
    byLine.get(e.line).push(e);
  }
  return byLine;
}

function wordsText(entry) {
  return entry ? [...entry.words, ...entry.bytes].join(' ') : '';
}

// ---- Encode -------------------------------------------------------------------------------------------------------
const encode = { lines: new Map(), selected: null, timer: 0, generation: 0 };

async function assembleEditor() {
  const generation = ++encode.generation;
  const source = $('encode-source').value;
  const { status, data } = await api('/api/assemble', { source, name: 'input.S' });
  if (generation !== encode.generation) return;   // a newer edit is on its way
  if (status !== 200) { setStatus('encode-status', data.error, true); return; }
  encode.lines = groupLines(data);
  const errors = errorsByLine(data);
  const body = $('encode-lines').tBodies[0];
  body.replaceChildren();
  source.split('\n').forEach((text, i) => {
    const line = i + 1;
    const entry = encode.lines.get(line);
    if (!text.trim() && !entry && !errors.has(line)) return;
    const row = el('tr', { class: 'clickable', 'data-line': String(line) },
      el('td', {}, String(line)), el('td', { class: 'words' }, wordsText(entry)), el('td', {}, text));
    row.addEventListener('click', () => selectLine(line));
    body.append(row);
    for (const e of errors.get(line) || [])
      body.append(el('tr', { class: 'error', 'data-line': String(line) }, el('td', { colSpan: 3 }, el('pre', { class: 'error-text' }, e.text))));
  });
  const other = data.errors.filter(e => e.file !== data.file);
  setStatus('encode-status', data.ok ? `${encode.lines.size} line(s) encoded` : `${data.errors.length} error(s)` +
    (other.length ? ': ' + other.map(e => e.text).join('\n') : ''), !data.ok);
  if (encode.selected !== null) selectLine(encode.selected);
}

function selectLine(line) {
  encode.selected = line;
  for (const r of $('encode-lines').querySelectorAll('tr.selected')) r.classList.remove('selected');
  const row = $('encode-lines').querySelector(`tr.clickable[data-line="${line}"]`);
  if (row) row.classList.add('selected');
  const entry = encode.lines.get(line);
  if (entry && entry.words.length) explain($('encode-diagram'), '0x' + entry.words[0]);
  else $('encode-diagram').replaceChildren();
}

function caretLine() {
  const t = $('encode-source');
  return t.value.slice(0, t.selectionStart).split('\n').length;
}

$('encode-source').addEventListener('input', () => {
  clearTimeout(encode.timer);
  encode.selected = caretLine();
  encode.timer = setTimeout(assembleEditor, 250);
});
for (const ev of ['click', 'keyup']) $('encode-source').addEventListener(ev, () => {
  const line = caretLine();
  if (line !== encode.selected && encode.lines.has(line)) selectLine(line);
});

// ---- Decode -------------------------------------------------------------------------------------------------------
async function disassemble(body) {
  const base = $('decode-base').value.trim();
  if (base) body.base = base;
  const { status, data } = await api('/api/disasm', body);
  const listing = $('decode-listing');
  listing.replaceChildren();
  $('decode-diagram').replaceChildren();
  if (status !== 200) { setStatus('decode-status', data.error, true); return; }
  setStatus('decode-status', `${data.lines.filter(l => l.word).length} words`);
  for (const line of data.lines) {
    if (!line.word) { listing.append(line.text + '\n'); continue; }
    const at = line.text.indexOf(line.word);
    const word = el('span', { class: 'word', 'data-word': line.word, 'data-address': line.address }, line.word);
    word.addEventListener('click', () => {
      for (const w of listing.querySelectorAll('.word.selected')) w.classList.remove('selected');
      word.classList.add('selected');
      explain($('decode-diagram'), '0x' + line.word);
    });
    listing.append(line.text.slice(0, at), word, line.text.slice(at + line.word.length) + '\n');
  }
}

$('decode-run').addEventListener('click', () => disassemble({ hex: $('decode-input').value }));
$('decode-file').addEventListener('change', async () => {
  const file = $('decode-file').files[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  disassemble({ base64: btoa(binary) });
});

// ---- Control page ---------------------------------------------------------------------------------------------------
async function loadControl(body) {
  setStatus('control-status', 'assembling…');
  const { status, data } = await api('/api/assemble', body);
  for (const id of ['control-summary', 'control-map', 'control-offsets']) $(id).replaceChildren();
  $('control-lines').tBodies[0].replaceChildren();
  if (status !== 200) { setStatus('control-status', data.error, true); return; }
  if (!data.ok) { setStatus('control-status', data.errors.map(e => e.text).join('\n'), true); return; }
  if (!data.image) { setStatus('control-status', `${data.file} does not link: ${data.linkError}`, true); return; }
  setStatus('control-status', '');
  const image = data.image;
  $('control-summary').append(el('p', {}, `${data.file}: ${image.size} bytes, first byte at ${image.base}; sections: ` +
    image.sections.map(s => `${s.name} at ${s.address} (${s.size} bytes)`).join(', ') +
    (image.controlCode ? `; control-page code: ${image.controlCode.size} bytes at ${image.controlCode.offset}` : '')));
  drawPageMap(image);
  const patched = [];
  for (const o of image.offsets) {
    const item = el('li', { class: 'offset', 'data-symbol': o.symbol }, `${o.symbol} = ${o.value}`);
    if (o.quad) {
      item.append(el('span', { class: 'quad-value' }, `   quad at ${o.value} holds ${o.quad} until machine_kexec patches it`));
      patched.push(Number(o.value));
    }
    $('control-offsets').append(item);
  }
  const sectionAt = new Map(image.sections.map(s => [s.name, Number(s.address) - Number(image.base)]));
  const body2 = $('control-lines').tBodies[0];
  for (const r of data.lines) {
    const offset = (sectionAt.get(r.section) ?? 0) + r.offset;
    const hit = patched.some(p => p < offset + r.size && offset < p + 8);
    body2.append(el('tr', { class: hit ? 'patched' : '' }, el('td', {}, '0x' + offset.toString(16)),
      el('td', { class: 'bytes' }, r.bytes + (r.bytesLeftOut ? ` … (${r.size} bytes)` : '')), el('td', {}, `${r.text}    ${r.file}:${r.line}`)));
  }
}

function drawPageMap(image) {
  const map = $('control-map');
  const span = Math.max(image.size, 4096);
  const at = (offset) => `${(100 * offset / span).toFixed(2)}%`;
  if (image.controlCode)
    map.append(el('div', { class: 'code', style: `left:0;width:${at(Number(image.controlCode.size))}`, title: 'control-page code' }));
  for (const o of image.offsets.filter(o => o.quad))
    map.append(el('div', { class: 'quad', style: `left:${at(Number(o.value))}`, title: o.symbol }));
  map.append(el('div', { class: 'boundary', style: `left:${at(4096)}`, title: '.org KEXEC_CONTROL_PAGE_SIZE' }));
  map.append(el('div', { class: 'label', style: 'left:0' }, '0x0'));
  map.append(el('div', { class: 'label', style: `left:${at(Math.min(4096, span) * 0.82)}` }, 'page boundary 0x1000 →'));
}

$('control-sample').addEventListener('click', () => loadControl({ sample: true }));
$('control-file').addEventListener('change', async () => {
  const file = $('control-file').files[0];
  if (file) loadControl({ source: await file.text(), name: file.name });
});

// ---- Verify -------------------------------------------------------------------------------------------------------
async function runVerify() {
  const options = { caches: $('verify-caches').value, 'page-size': $('verify-page-size').value, pages: $('verify-pages').value, seed: $('verify-seed').value };
  if ($('verify-el').value) options.el = $('verify-el').value;
  if ($('verify-mmu').value) options.mmu = $('verify-mmu').value;
  const body = $('verify-source').value === 'sample' ? { sample: true, options } : { source: $('encode-source').value, name: 'input.S', options };
  setStatus('verify-status', 'running…');
  const { status, data } = await api('/api/verify', body);
  for (const id of ['verify-summary', 'verify-kimage', 'verify-findings']) $(id).replaceChildren();
  $('verify-lines').tBodies[0].replaceChildren();
  if (status !== 200) { setStatus('verify-status', data.error, true); return; }
  if (data.error) {
    setStatus('verify-status', data.error + '\n' + data.assembly.errors.map(e => e.text).join('\n'), true);
    return;
  }
  setStatus('verify-status', '');
  const report = data.report;
  $('verify-summary').append(el('p', {},
    el('span', { class: report.passed ? 'passed' : 'failed' }, report.passed ? 'PASS' : 'FAIL'),
    ` convention ${report.convention}: ${report.conventionReason}`),
    el('p', {}, `${report.instructions} instructions, ${report.loads} loads, ${report.stores} stores, ${report.cacheMaintenance} cache maintenance ops, ` +
      `${report.barriers} barriers; at entry ` + report.entryRegisters.map((r, i) => `x${i}=${r}`).join(' ')));
  drawKimage(report);
  const assembly = data.assembly;
  const lines = groupLines(assembly);
  // The source as written (a macro call's line too, which the line table records as its expansion).
  const sourceText = (body.sample ? (await (await fetch('/api/sample')).json()).source : body.source).split('\n');
  const findingsAt = new Map();
  for (const f of report.findings) {
    const line = f.source ? mainLineOf(f.source, assembly.file) : null;
    if (line === null) continue;
    if (!findingsAt.has(line)) findingsAt.set(line, []);
    findingsAt.get(line).push(f);
  }
  const numbers = [...new Set([...lines.keys(), ...findingsAt.keys()])].sort((a, b) => a - b);
  const tbody = $('verify-lines').tBodies[0];
  for (const line of numbers) {
    const found = findingsAt.get(line) || [];
    const text = (sourceText[line - 1] ?? '').trim();
    tbody.append(el('tr', { class: found.length ? 'has-finding' : '', 'data-line': String(line), 'data-file': assembly.file },
      el('td', {}, `${assembly.file}:${line}`), el('td', { class: 'words' }, wordsText(lines.get(line))), el('td', {}, text),
      el('td', {}, ...found.map(f => el('span', { class: 'finding', 'data-id': f.id, title: f.summary }, f.id)))));
  }
  for (const f of report.findings) {
    $('verify-findings').append(el('div', { class: 'finding-text' },
      el('strong', {}, `[${f.id}] `), `${f.pc ? 'at ' + f.pc + ' ' : ''}${f.instruction ? '(' + f.instruction + ') ' : ''}${f.summary}`,
      f.source ? el('div', {}, `source: ${f.source.file}:${f.source.line}: ${f.source.text}${f.source.context ? ' (' + f.source.context + ')' : ''}`) : null,
      el('div', { class: 'hint' }, 'why: ' + f.why)));
  }
}

function drawKimage(report) {
  const box = $('verify-kimage');
  const pages = el('div', { class: 'pages', title: 'destination pages, each checked byte for byte' });
  for (let i = 0; i < Math.min(report.pagesChecked, 512); i++) pages.append(el('div', { class: 'page' }));
  const ind = el('div', { class: 'pages', title: 'indirection pages' });
  for (let i = 0; i < Math.min(report.indirectionPages, 512); i++) ind.append(el('div', { class: 'page ind' }));
  box.append(el('div', {}, `kimage: ${report.pagesChecked} pages of ${report.pageSize / 1024}K in ${report.segments} segments`, pages),
    el('div', {}, `${report.indirectionPages} indirection page(s)`, ind));
}

$('verify-run').addEventListener('click', runVerify);

// ---- start ---------------------------------------------------------------------------------------------------------
show(views.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'encode');
assembleEditor();

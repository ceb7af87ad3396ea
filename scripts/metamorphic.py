#!/usr/bin/env python3
"""Metamorphic checks over the corpus: the same clauses (kind and section) must come out after
changes that do not change meaning. Writes the variants to a temp folder, analyses them with the
release CLI, and reports how many texts break each invariant (with examples).

usage: scripts/metamorphic.py [--limit N] [--every K] [--bin .build/release/licensecheck] [--show N]
Invariants: reflow (line breaks inside paragraphs joined), tabs (leading spaces to tabs, "1." to
"1)"), quotes (straight to curly quotes and dashes), markdown (a title and the text as paragraphs),
html (the text in <p> elements), caps (one paragraph in capitals: kinds only), alone (each of three
paragraphs analysed alone yields a subset of what it yields in place; role-dependent kinds excepted).
"""
import json, os, re, subprocess, sys, tempfile, collections, html

args = sys.argv[1:]
def opt(name, default):
    return args[args.index(name) + 1] if name in args else default
BIN = opt('--bin', '.build/release/licensecheck')
LIMIT = int(opt('--limit', '100000'))
EVERY = int(opt('--every', '1'))
SHOW = int(opt('--show', '5'))
KINDS_ONLY = '--kinds-only' in args
corpus = '../shared/corpus'
files = sorted(os.path.join(corpus, 'spdx/test/simpleTestForGenerator', f) for f in os.listdir(corpus + '/spdx/test/simpleTestForGenerator'))
files += sorted(os.path.join(corpus, 'ai', f) for f in os.listdir(corpus + '/ai'))
files += sorted(os.path.join(corpus, 'scancode/licenses', f) for f in os.listdir(corpus + '/scancode/licenses'))
files = files[::EVERY][:LIMIT]

def body(path):
    t = open(path, encoding='utf-8', errors='replace').read()
    if path.endswith('.LICENSE') and t.startswith('---\n'):
        end = t.find('\n---\n', 4)
        if end > 0: t = t[end + 5:]
        elif t.rstrip().endswith('\n---'): t = ''  # a header with no licence text after it
    return t.replace('\r\n', '\n')

def paragraphs(t): return [p for p in re.split(r'\n\s*\n', t) if p.strip()]
# List markers are the ones the tool reads as bullets (Tokenizer: • ▪ ● ◦ ‣ ⁃ ∙ ·; LinePass: - * + o).
MARKER = re.compile(r'\s*(\(?[0-9]{1,3}(\.[0-9]{1,3})*[.)]?|\(?[a-zA-Z]{1,4}[.)]|[-*+o\u2022\u2023\u25aa\u25cf\u25e6\u2043\u2219\u00b7]|section|article|§)\s', re.I)
def reflow(t):
    # Join the lines of a paragraph, as an editor's reflow does; a line that starts a list item or a
    # numbered section keeps its line break (its marker is structure, not layout).
    out = []
    for p in paragraphs(t):
        lines = p.strip().split('\n')
        joined = lines[0].strip()
        for prev, line in zip(lines, lines[1:]):
            heading = prev.strip() and prev.strip()[-1] not in '.,;:' and len(prev.split()) <= 8
            joined += ('\n' if MARKER.match(line) or heading else ' ') + line.strip()
        out.append(joined)
    return '\n\n'.join(out) + '\n'
def tabs(t):
    t = re.sub(r'(?m)^( {4})+', lambda m: '\t' * (len(m.group(0)) // 4), t)
    return re.sub(r'(?m)^(\s*)(\d+)\.(\s)', r'\1\2)\3', t)
def quotes(t):
    out, opening = [], True
    for ch in t:
        if ch == '"':
            out.append('\u201c' if opening else '\u201d'); opening = not opening
        elif ch == "'": out.append('\u2019')
        else: out.append(ch)
    return ''.join(out).replace(' - ', ' \u2013 ').replace('--', '\u2014')
def markdown(t): return '# Licence\n\n' + '\n\n'.join(p.strip() for p in paragraphs(t)) + '\n'
def htmlwrap(t):
    return '<!DOCTYPE html><html><head><title>Licence</title></head><body>\n' + '\n'.join(
        '<p>' + html.escape(p.strip()).replace('\n', '<br>\n') + '</p>' for p in paragraphs(t)) + '\n</body></html>\n'
def caps(t):
    ps = paragraphs(t)
    if len(ps) < 3: return None
    i = len(ps) // 2
    ps[i] = ps[i].upper()
    return '\n\n'.join(ps) + '\n'

transforms = {'reflow': (reflow, '.txt'), 'tabs': (tabs, '.txt'), 'quotes': (quotes, '.txt'),
              'markdown': (markdown, '.md'), 'html': (htmlwrap, '.html'), 'caps': (caps, '.txt')}
# (The two ban kinds depend on the rest of the document: a qualified ban counts only where no grant
# names the right, so a paragraph alone may yield one that the whole text rightly does not.)
ROLE = {'acceptance', 'acceptable-use-policy', 'field-of-use', 'flow-down', 'include-license', 'usage-cap',
        'unilateral-change', 'termination', 'territory', 'user-restriction', 'copyright-grant', 'patent-grant',
        'no-modification', 'no-redistribution'}

def analyse(paths):
    out = {}
    for i in range(0, len(paths), 400):
        r = subprocess.run([BIN, 'analyze', '--format', 'jsonl'] + paths[i:i + 400], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            a = json.loads(line); out[a['source']['path']] = a
    return out

def key(a, with_section=True):
    return {(c['kind'], c.get('section') if with_section else None) for c in a.get('clauses', [])}

tmp = tempfile.mkdtemp(prefix='metamorphic-')
base_paths, variant_paths, alone = [], collections.defaultdict(dict), []
for n, f in enumerate(files):
    t = body(f)
    bp = os.path.join(tmp, f'{n}.base.txt'); open(bp, 'w').write(t); base_paths.append(bp)
    for name, (fn, ext) in transforms.items():
        v = fn(t)
        if v is None: continue
        vp = os.path.join(tmp, f'{n}.{name}{ext}'); open(vp, 'w').write(v); variant_paths[name][bp] = vp
    ps = paragraphs(t)
    for j in ([len(ps) // 4, len(ps) // 2, 3 * len(ps) // 4] if len(ps) >= 4 else []):
        ap = os.path.join(tmp, f'{n}.alone{j}.txt'); open(ap, 'w').write(ps[j].strip() + '\n')
        alone.append((bp, ap, ps[j].strip()))
base = analyse(base_paths)
report = {}
for name in transforms:
    got = analyse(list(variant_paths[name].values()))
    broken = []
    for bp, vp in variant_paths[name].items():
        if bp not in base or vp not in got: continue
        ws = not KINDS_ONLY and name not in ('caps', 'markdown', 'html')
        kb, kv = key(base[bp], ws), key(got[vp], ws)
        if name in ('caps',):
            kb, kv = set(k for k, _ in kb), set(k for k, _ in kv)
        if kb != kv:
            diff = (kb - kv, kv - kb)
            broken.append((files[base_paths.index(bp)], diff))
    report[name] = broken
got = analyse([a for _, a, _ in alone])
broken = []
for bp, ap, para in alone:
    if ap not in got or bp not in base: continue
    text = open(bp).read(); start = text.find(para)
    if start < 0: continue
    bstart = len(text[:start].encode()); bend = bstart + len(para.encode())
    inplace = {c['kind'] for c in base[bp]['clauses'] if bstart <= c['span']['start'] < bend}
    solo = {c['kind'] for c in got[ap]['clauses']} - ROLE
    if not solo <= inplace:
        broken.append((files[base_paths.index(bp)], (solo - inplace, set())))
report['alone'] = broken
print(f'texts: {len(files)}')
for name, broken in report.items():
    print(f'{name:10} broken in {len(broken)} texts')
    for f, d in broken[:SHOW]: print(f'    {os.path.basename(f)}: lost {d[0]} gained {d[1]}')

#!/usr/bin/env python3
"""Scores `licensecheck analyze --format jsonl` output against a gold folder (fixtures/README.md format).

Used for blind first scores: run the tool over the corpus BEFORE changing rules, keep the JSONL, and
score it here. Same scoring as licensecheck-eval (kinds per document; parameters found on some
predicted clause of the kind), plus OSD agreement (per criterion the gold says fails, and the
conformant flag) and document classes when the output has them.

usage: score-gold.py GOLD_DIR OUTPUT.jsonl [--misses]
"""
import json, os, sys, collections

def norm(v):
    if isinstance(v, bool): return 'true' if v else 'false'
    if isinstance(v, (int, float)): return '%.4f' % float(v)
    s = str(v).lower().strip()
    for sch in ('https://', 'http://'):
        if s.startswith(sch): s = s[len(sch):]
    return s

def main():
    gold_dir, out_path = sys.argv[1], sys.argv[2]
    misses = '--misses' in sys.argv
    pred = {}
    for line in open(out_path, encoding='utf-8'):
        a = json.loads(line)
        pred[os.path.basename(a['source']['path'])] = a
    per = collections.defaultdict(lambda: [0, 0, 0, 0, 0])  # tp fp fn pc pt
    osd_agree = osd_total = conf_agree = conf_total = cls_agree = cls_total = wrong_yes = 0
    docs = 0
    lines = []
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith('.json'): continue
        g = json.load(open(os.path.join(gold_dir, name)))
        base = os.path.basename(g['source'].split(':', 1)[1])
        a = pred.get(base)
        if a is None:
            lines.append(f'{name}: no output'); continue
        docs += 1
        gk = {c['kind'] for c in g.get('clauses', [])}
        pk = {c['kind'] for c in a.get('clauses', [])}
        for k in gk | pk:
            s = per[k]
            if k in gk and k in pk: s[0] += 1
            elif k in pk:
                s[1] += 1
                ev = next(c for c in a['clauses'] if c['kind'] == k)
                lines.append(f'{name}  {k}  false positive "{ev["evidence"][:80]!s}" line {ev["span"]["line"]}'.replace('\n', ' '))
            else:
                s[2] += 1; lines.append(f'{name}  {k}  missed')
        pp = collections.defaultdict(list)
        for c in a.get('clauses', []): pp[c['kind']].append(c.get('parameters', {}))
        for gc in g.get('clauses', []):
            for key, val in (gc.get('parameters') or {}).items():
                s = per[gc['kind']]; s[4] += 1
                preds = pp.get(gc['kind'], [])
                if isinstance(val, list):
                    u = {norm(x) for p in preds for x in (p.get(key) or [])}
                    ok = all(norm(x) in u for x in val)
                else:
                    ok = any(key in p and norm(p[key]) == norm(val) for p in preds)
                if ok: s[3] += 1
                else: lines.append(f'{name}  {gc["kind"]}  parameter {key}: want {val}, got {[p.get(key) for p in preds if key in p]}')
        # OSD: each criterion the gold names as failing must fail; a criterion it does not name must not fail.
        if 'osdFails' in g and a.get('osd'):
            fails = set(g['osdFails'])
            got = {o['criterion'] for o in a['osd'] if o['verdict'] == 'fail'}
            for i in range(1, 11):
                c = f'osd-{i}'
                osd_total += 1
                if (c in fails) == (c in got): osd_agree += 1
                else: lines.append(f'{name}  {c}  osd: gold {"fail" if c in fails else "not fail"}, tool {"fail" if c in got else "not fail"}')
        if g.get('osdConformant') is not None:
            conf_total += 1
            if bool(a.get('osdConformant')) == g['osdConformant']: conf_agree += 1
            else: lines.append(f'{name}  conformant: gold {g["osdConformant"]}, tool {a.get("osdConformant")}')
            if a.get('osdConformant') and not g['osdConformant']: wrong_yes += 1
        if 'documentClass' in g:
            cls_total += 1
            got = (a.get('documentClass') or {}).get('class')
            if got == g['documentClass']: cls_agree += 1
            else: lines.append(f'{name}  class: gold {g["documentClass"]}, tool {got}')
    T = [sum(v[i] for v in per.values()) for i in range(5)]
    pr = lambda s: s[0] / (s[0] + s[1]) if s[0] + s[1] else 1.0
    rc = lambda s: s[0] / (s[0] + s[2]) if s[0] + s[2] else 1.0
    pa = lambda s: s[3] / s[4] if s[4] else 1.0
    print(f'{"kind":26} tp  fp  fn  precision recall params')
    for k in sorted(per):
        s = per[k]
        print(f'{k:26}{s[0]:<4}{s[1]:<4}{s[2]:<4}{pr(s):<10.3f}{rc(s):<7.3f}{pa(s):.3f} ({s[3]}/{s[4]})')
    print(f'{"TOTAL":26}{T[0]:<4}{T[1]:<4}{T[2]:<4}{pr(T):<10.3f}{rc(T):<7.3f}{pa(T):.3f} ({T[3]}/{T[4]})')
    fpr = T[1] / (T[0] + T[1]) if T[0] + T[1] else 0
    print(f'documents: {docs}; false-positive rate {fpr:.3f}')
    if osd_total: print(f'OSD verdict agreement (fail / not fail per criterion): {osd_agree}/{osd_total} = {osd_agree/osd_total:.3f}')
    if conf_total: print(f'conformant flag agreement: {conf_agree}/{conf_total} = {conf_agree/conf_total:.3f}; wrong "yes": {wrong_yes}')
    if cls_total: print(f'document class agreement: {cls_agree}/{cls_total} = {cls_agree/cls_total:.3f}')
    if misses:
        print(); print('\n'.join(lines))

main()

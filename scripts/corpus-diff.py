#!/usr/bin/env python3
"""Clause-level diff of two `analyze --format jsonl` runs over the same files (before/after a rule change).

usage: corpus-diff.py BEFORE.jsonl AFTER.jsonl [--kind KIND] [--limit N]
Prints, per kind, how many files gained or lost it, then the changed files with the evidence, and
the OSD conformant flag changes. Use it on every rule change over spdx + ai + scancode.
"""
import json, os, sys, collections

def load(p):
    out = {}
    for line in open(p, encoding='utf-8'):
        a = json.loads(line)
        out[a['source']['path']] = a
    return out

def main():
    before, after = load(sys.argv[1]), load(sys.argv[2])
    only = sys.argv[sys.argv.index('--kind') + 1] if '--kind' in sys.argv else None
    limit = int(sys.argv[sys.argv.index('--limit') + 1]) if '--limit' in sys.argv else 40
    gained, lost = collections.Counter(), collections.Counter()
    detail = []
    conf = []
    for path in sorted(set(before) & set(after)):
        b, a = before[path], after[path]
        kb = collections.Counter(c['kind'] for c in b['clauses'])
        ka = collections.Counter(c['kind'] for c in a['clauses'])
        for k in set(kb) | set(ka):
            if only and k != only: continue
            if k in ka and k not in kb:
                gained[k] += 1
                ev = next(c for c in a['clauses'] if c['kind'] == k)
                detail.append(f'+ {k:24} {os.path.basename(path)}: "{ev["evidence"][:90]}"'.replace('\n', ' '))
            elif k in kb and k not in ka:
                lost[k] += 1
                ev = next(c for c in b['clauses'] if c['kind'] == k)
                detail.append(f'- {k:24} {os.path.basename(path)}: "{ev["evidence"][:90]}"'.replace('\n', ' '))
        if b.get('osdConformant') != a.get('osdConformant'):
            conf.append(f'{os.path.basename(path)}: conformant {b.get("osdConformant")} -> {a.get("osdConformant")}')
    print('kind                      gained lost')
    for k in sorted(set(gained) | set(lost)):
        print(f'{k:26}{gained[k]:<7}{lost[k]}')
    print(f'conformant flag changed: {len(conf)} files')
    print()
    print('\n'.join(detail[:limit]))
    if len(detail) > limit: print(f'… {len(detail) - limit} more')
    if '--conformant' in sys.argv: print('\n'.join(conf))

main()

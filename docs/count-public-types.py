#!/usr/bin/env python3
import os,re,sys
# Counts public types per source tree (see docs/api.md): top-level public types outside internal packages,
# those plus public nested types whose enclosing types are all public, and public top-level types in internal
# packages. Usage: python3 docs/count-public-types.py sdk/src/main/java servlet-integration/src/main/java
decl=re.compile(r'^(\s*)((?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\s+)*(class|interface|record|enum|@interface)\s+\w+')
def count(root):
    top=nested=internal=0
    for d,_,fs in os.walk(root):
        for f in fs:
            if not f.endswith('.java') or f in('package-info.java','module-info.java'): continue
            txt=open(os.path.join(d,f)).read()
            pkg=re.search(r'^package\s+([\w.]+);',txt,re.M).group(1)
            isint='.internal' in pkg+'.' and re.search(r'\.internal(\.|$)',pkg)
            stack=[] # (indent, public)
            for line in txt.split('\n'):
                m=decl.match(line)
                if not m or line.strip().startswith(('*','//')): continue
                ind=len(m.group(1)); pub=' public ' in ' '+line.split(m.group(3))[0]+' '
                while stack and stack[-1][0]>=ind: stack.pop()
                if stack and stack[-1][2] in ('interface','@interface') and ' private ' not in ' '+line: pub=True
                allpub=pub and all(p for _,p,_k in stack)
                if ind==0:
                    if pub:
                        if isint: internal+=1
                        else: top+=1; nested+=1
                elif allpub and not isint: nested+=1
                stack.append((ind,pub,m.group(3)))
    return top,nested,internal
for root in sys.argv[1:]:
    t,n,i=count(root); print(f"{root}: {t} top-level public types, {n} with nested, {i} public top-level types in internal packages")

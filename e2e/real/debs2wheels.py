#!/usr/bin/env python3
"""Repack Debian python3-* packages (.deb) into wheels.

usage: debs2wheels.py DEBDIR OUTDIR

For every .deb in DEBDIR: unpack it (dpkg-deb -x), copy any ready-made wheel it ships
(usr/share/python-wheels/*.whl: pip, setuptools, wheel), and repack every distribution found in
usr/lib/python3/dist-packages (its .dist-info or .egg-info plus its files) into
NAME-VERSION-py3-none-any.whl, or NAME-VERSION-cp313-cp313-linux_x86_64.whl when it holds compiled
modules (.so: tied to python3.13 and Debian trixie's libc). An .egg-info is converted to a
.dist-info (PKG-INFO -> METADATA, requires.txt -> Requires-Dist); WHEEL and RECORD are written.
"""
import base64, csv, glob, hashlib, io, os, re, shutil, subprocess, sys, tempfile, zipfile
from email.parser import HeaderParser

SP = 'usr/lib/python3/dist-packages'
PLACEHOLDER_VERSIONS = {'0.0.0', '0.0.1', '0.0.0.dev0', '0.0', '0'}
DROP_META = {'RECORD', 'INSTALLER', 'REQUESTED', 'direct_url.json', 'WHEEL'}


def norm(name):
    return re.sub(r'[-_.]+', '_', name).lower()


def requires_txt(text):
    """setuptools requires.txt -> list of Requires-Dist values."""
    out, section = [], ''
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('['):
            section = line[1:-1]
            continue
        extra, _, marker = section.partition(':')
        marks = []
        if marker:
            marks.append('(%s)' % marker)
        if extra:
            marks.append('extra == "%s"' % extra)
        out.append(line + ('; ' + ' and '.join(marks) if marks else ''))
    return out


def read_meta(sp, info):
    """Return (name, version, {metafile: bytes}) of a .dist-info or .egg-info (dir or file)."""
    path = os.path.join(sp, info)
    files = {}
    if info.endswith('.dist-info'):
        for f in os.listdir(path):
            if f not in DROP_META and os.path.isfile(os.path.join(path, f)):
                files[f] = open(os.path.join(path, f), 'rb').read()
        msg = HeaderParser().parsestr(files['METADATA'].decode('utf-8', 'replace'))
    else:  # egg-info: a directory, or a single PKG-INFO file
        if os.path.isdir(path):
            pkginfo = open(os.path.join(path, 'PKG-INFO'), 'rb').read().decode('utf-8', 'replace')
            for f in ('entry_points.txt', 'top_level.txt'):
                p = os.path.join(path, f)
                if os.path.exists(p):
                    files[f] = open(p, 'rb').read()
            req = os.path.join(path, 'requires.txt')
            reqs = requires_txt(open(req).read()) if os.path.exists(req) else []
        else:
            pkginfo, reqs = open(path, encoding='utf-8', errors='replace').read(), []
        msg = HeaderParser().parsestr(pkginfo)
        if not msg.get_all('Requires-Dist') and reqs:
            head, sep, body = pkginfo.partition('\n\n')
            head = head.rstrip('\n') + ''.join('\nRequires-Dist: ' + r for r in reqs)
            pkginfo = head + '\n' + sep + body if sep else head + '\n'
        mv = msg.get('Metadata-Version', '1.0')
        if tuple(int(x) for x in re.findall(r'\d+', mv)[:2]) < (2, 1):
            pkginfo = re.sub(r'^Metadata-Version: .*$', 'Metadata-Version: 2.1', pkginfo, count=1, flags=re.M)
        files['METADATA'] = pkginfo.encode()
        msg = HeaderParser().parsestr(pkginfo)
    return msg['Name'], msg['Version'], files


def build_wheel(outdir, name, version, sp, members, metafiles, deb):
    has_so = any(m.endswith('.so') or '.so.' in os.path.basename(m) for m in members)
    tag = 'cp313-cp313-linux_x86_64' if has_so else 'py3-none-any'
    dname = norm(name)
    version = version.strip()
    whl = '%s-%s-%s.whl' % (dname, version, tag)
    distinfo = '%s-%s.dist-info' % (dname, version)
    metafiles = dict(metafiles)
    metafiles['WHEEL'] = ('Wheel-Version: 1.0\nGenerator: debs2wheels (from %s)\n'
                          'Root-Is-Purelib: %s\nTag: %s\n' % (deb, 'false' if has_so else 'true', tag)).encode()
    record = []
    tmp = os.path.join(outdir, '.' + whl)
    with zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as z:
        def add(arc, data):
            z.writestr(zipfile.ZipInfo(arc, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
            record.append((arc, 'sha256=' + digest, str(len(data))))
        for m in sorted(members):
            full = os.path.join(sp, m)
            if os.path.islink(full) and not os.path.exists(full):
                continue  # dangling link into another package (e.g. a shared data file)
            add(m, open(full, 'rb').read())
        for f, data in sorted(metafiles.items()):
            add(distinfo + '/' + f, data)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator='\n')
        w.writerows(record)
        w.writerow((distinfo + '/RECORD', '', ''))
        z.writestr(zipfile.ZipInfo(distinfo + '/RECORD', (2020, 1, 1, 0, 0, 0)), buf.getvalue(), zipfile.ZIP_DEFLATED)
    os.replace(tmp, os.path.join(outdir, whl))
    return whl


def files_under(sp, top):
    p = os.path.join(sp, top)
    if os.path.isdir(p) and not os.path.islink(p):
        for root, dirs, fs in os.walk(p):
            dirs[:] = [d for d in dirs if d != '__pycache__']
            for f in fs:
                yield os.path.relpath(os.path.join(root, f), sp)
    elif os.path.lexists(p):
        yield top


def convert(deb, outdir):
    made = []
    with tempfile.TemporaryDirectory() as t:
        subprocess.run(['dpkg-deb', '-x', deb, t], check=True)
        wheels = glob.glob(os.path.join(t, 'usr/share/python-wheels/*.whl'))
        for w in wheels:
            shutil.copy(w, outdir)
            made.append(os.path.basename(w))
        if wheels:
            return made
        sp = os.path.join(t, SP)
        if not os.path.isdir(sp):
            return made
        entries = os.listdir(sp)
        infos = [e for e in entries if e.endswith('.dist-info') or e.endswith('.egg-info')]
        others = [e for e in entries if e not in infos and e != '__pycache__']
        if not infos:
            if others:
                print('warning: %s: files but no metadata: %s' % (os.path.basename(deb), others), file=sys.stderr)
            return made
        dists = []
        for info in infos:
            name, version, meta = read_meta(sp, info)
            tops = set()
            if 'top_level.txt' in meta:
                tops = {l.strip() for l in meta['top_level.txt'].decode().splitlines() if l.strip()}
            dists.append([name, version, meta, tops, []])
        if len(dists) == 1:
            owner = {e: dists[0] for e in others}
        else:
            owner = {}
            for e in others:
                stem = re.sub(r'(\.cpython.*)?\.(py|so|pth)$', '', e)
                cands = [d for d in dists if stem in d[3]] or \
                        [d for d in dists if norm(stem) == norm(d[0])] or \
                        [d for d in dists if norm(stem).startswith(norm(d[0])) or norm(d[0]).startswith(norm(stem))]
                if cands:
                    owner[e] = cands[0]
                else:
                    print('warning: %s: no owner for %s; given to %s' % (os.path.basename(deb), e, dists[0][0]), file=sys.stderr)
                    owner[e] = dists[0]
        for e, d in owner.items():
            d[4].extend(files_under(sp, e))
        for name, version, meta, tops, members in dists:
            if version.strip() in PLACEHOLDER_VERSIONS:
                # built without its VCS version (setuptools_scm): use the Debian upstream version
                up = re.sub(r'^\d+:', '', os.path.basename(deb).split('_')[1])
                up = re.sub(r'[+~](dfsg|ds|really|repack).*$', '', up.rsplit('-', 1)[0])
                print('note: %s: metadata version %s, set to %s' % (os.path.basename(deb), version, up), file=sys.stderr)
                meta['METADATA'] = re.sub(rb'^Version: .*$', b'Version: ' + up.encode(), meta['METADATA'], count=1, flags=re.M)
                version = up
            made.append(build_wheel(outdir, name, version, sp, members, meta, os.path.basename(deb)))
    return made


def main():
    debdir, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    n = 0
    debs = sorted(glob.glob(os.path.join(debdir, '*.deb')))
    # packages that ship a real wheel (python3-X-whl) go last: their wheel wins over a repack
    debs.sort(key=lambda d: os.path.basename(d).split('_')[0].endswith('-whl'))
    for deb in debs:
        try:
            for w in convert(deb, outdir):
                print('%s\t%s' % (os.path.basename(deb), w))
                n += 1
        except Exception as e:
            print('error: %s: %s' % (os.path.basename(deb), e), file=sys.stderr)
    print('%d wheels in %s' % (n, outdir), file=sys.stderr)


if __name__ == '__main__':
    main()

package transform

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxContextFile bounds the files of the build context read whole (go.mod,
// package.json, lockfiles, requirements, pom.xml, action.yml, ...): the
// readers hold the bytes, scan them with the presets' patterns (about a
// second per few MiB) and some decode them, so a repository's file of
// any size must not cost memory and time without end. Real lockfiles of
// large monorepos reach a few MiB; 16 MiB leaves them room. The source
// scans read heads only (libcScanPerFile) and need no bound here.
const maxContextFile = 16 << 20

// maxConfigFile bounds the smaller files that are decoded whole (an
// action's YAML metadata, the ignore files' patterns), which cost far more
// than their size: a 16 MiB .dockerignore took three minutes and 5 GiB,
// a 16 MiB action.yml 47 s and 2 GiB. Real ones are a few KiB.
const maxConfigFile = 256 << 10

// errNotRegular and tooLarge are read errors of files the engine does
// not open: a named pipe would wait for a writer for ever, a device (a
// link to /dev/zero) never ends, and a file over its bound is refused
// before it is read.
var errNotRegular = errors.New("not a regular file")

type tooLarge int64

func (t tooLarge) Error() string {
	if t >= 1<<20 {
		return fmt.Sprintf("over %d MiB", t>>20)
	}
	return fmt.Sprintf("over %d KiB", t>>10)
}

// contextFS is the build context for one conversion. Several phases walk
// it and read the same files (the signs of a C library, the run-time
// files, the write calls all read every source; go.mod is read for the
// module, the version and the dependencies), so each folder is listed,
// each file looked at and each file read once: over a tree of many small
// projects the repeated system calls were a fifth of the time. It holds
// what it read until the conversion ends; the phases' own budgets (a few
// MiB of sources) bound that. The context must not change during a
// conversion, which it never does in a build either.
type contextFS struct {
	fsys  fs.FS
	dirs  map[string]dirRead
	kids  map[string]*dirKids // walk's listing of each folder
	stats map[string]statRead
	files map[string]fileRead // whole files
	heads map[headKey]fileRead
	// unread are the files refused by errNotRegular or tooLarge,
	// with the reason, for the note that says what was not read.
	unread map[string]error
	// bom tells the files whose reader decodes them by a byte-order
	// mark (the preset's text_bom), set once the preset is known;
	// decoded holds each such file's text, made once.
	bom     func(name string) bool
	decoded map[fileKey][]byte
}

// fileKey is a read of a file, whole (max 0) or its head.
type fileKey = headKey

type dirRead struct {
	ents []fs.DirEntry
	err  error
}

// dirKids is a folder's entries with their paths, for walk.
type dirKids struct {
	ents  []fs.DirEntry
	paths []string
	err   error
}

type statRead struct {
	fi  fs.FileInfo
	err error
}

type fileRead struct {
	data   []byte
	opened bool // readHead only
	err    error
}

type headKey struct {
	name string
	max  int64
}

func newContextFS(fsys fs.FS) *contextFS {
	return &contextFS{fsys: fsys, dirs: map[string]dirRead{}, kids: map[string]*dirKids{}, stats: map[string]statRead{},
		files: map[string]fileRead{}, heads: map[headKey]fileRead{}, unread: map[string]error{}}
}

func (c *contextFS) Open(name string) (fs.File, error) {
	if c.absent(name) {
		return nil, notExist("open", name)
	}
	return c.fsys.Open(name)
}

// absent reports whether name is surely not in the context: a folder on
// its path was listed and lacks the next name. The rules look for many
// files that most contexts lack (action.yml, .dockerignore, .nvmrc, a
// go.mod beside a package.json...); over a tree of 10,000 Dockerfiles
// each probe was a system call that failed, eight per conversion. The
// context's top folder is listed for that at the first question, since
// nearly every conversion walks it anyway; deeper folders answer once
// something has listed them.
func (c *contextFS) absent(name string) bool {
	if name == "." || !fs.ValidPath(name) {
		return false
	}
	dir, _ := splitName(name)
	if _, ok := c.dirs[dir]; !ok {
		if dir != "." {
			return c.absent(dir)
		}
		c.ReadDir(".")
	}
	e, listed := c.listedEntry(name)
	return listed && e == nil
}

// splitName is name's folder ("." at the top) and last element.
func splitName(name string) (dir, base string) {
	dir, base = path.Split(name)
	if dir = strings.TrimSuffix(dir, "/"); dir == "" {
		dir = "."
	}
	return dir, base
}

// listedEntry is name's entry in its folder's listing, when that folder
// was listed (listed true; e nil: the folder does not hold it).
func (c *contextFS) listedEntry(name string) (e fs.DirEntry, listed bool) {
	dir, base := splitName(name)
	r, ok := c.dirs[dir]
	if !ok || r.err != nil {
		return nil, false
	}
	// fs.ReadDir sorts its entries by name.
	i, found := slices.BinarySearchFunc(r.ents, base, func(e fs.DirEntry, name string) int {
		return strings.Compare(e.Name(), name)
	})
	if !found {
		return nil, true
	}
	return r.ents[i], true
}

// notExist is the error of a file absent says is missing, as io/fs
// matches it (errors.Is(err, fs.ErrNotExist)).
func notExist(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// ReadDir is fs.ReadDir, once per folder. Callers must not change the
// slice (fs.WalkDir does not).
func (c *contextFS) ReadDir(name string) ([]fs.DirEntry, error) {
	r, ok := c.dirs[name]
	if !ok {
		r.ents, r.err = fs.ReadDir(c.fsys, name)
		c.dirs[name] = r
	}
	return r.ents, r.err
}

func (c *contextFS) Stat(name string) (fs.FileInfo, error) {
	r, ok := c.stats[name]
	if !ok {
		if c.absent(name) {
			return nil, notExist("stat", name)
		}
		r.fi, r.err = fs.Stat(c.fsys, name)
		c.stats[name] = r
	}
	return r.fi, r.err
}

// ReadFile is fs.ReadFile, once per file. Callers must not change the
// bytes. Only a regular file of at most maxContextFile bytes is read;
// anything else is a read error (errNotRegular, tooLarge), which
// every reader already takes as a file that says nothing.
func (c *contextFS) ReadFile(name string) ([]byte, error) {
	r, ok := c.files[name]
	if !ok {
		switch {
		case c.absent(name):
			return nil, notExist("open", name)
		case c.listedRegular(name):
			r.data, r.err = c.readOpened(name, maxContextFile)
		default:
			if r.err = c.readable(name, maxContextFile); r.err == nil {
				r.data, r.err = fs.ReadFile(c.fsys, name)
			}
		}
		c.files[name] = r
	}
	return c.text(fileKey{name, 0}, r.data), r.err
}

// decodeBOM makes the files for which bom is true read as text decoded
// by their byte-order mark (textOf) from now on.
func (c *contextFS) decodeBOM(bom func(name string) bool) {
	c.bom, c.decoded = bom, map[fileKey][]byte{}
}

// text returns the bytes read for k as the reader of its file takes
// them: decoded by their byte-order mark when the preset says the tool
// that reads the file decodes so (decodeBOM), else as they are. The
// only place the context's files are decoded: every reader, of the
// whole file or of its head, gets the same text.
func (c *contextFS) text(k fileKey, data []byte) []byte {
	if c.bom == nil || !hasBOM(data) || !c.bom(k.name) {
		return data
	}
	if d, ok := c.decoded[k]; ok {
		return d
	}
	d := textOf(data)
	c.decoded[k] = d
	return d
}

// The byte-order marks textOf reads, UTF-32's before UTF-16's, whose
// little-endian mark begins UTF-32's.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF32LE = []byte{0xFF, 0xFE, 0, 0}
	bomUTF32BE = []byte{0, 0, 0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

func hasBOM(data []byte) bool {
	for _, b := range [][]byte{bomUTF8, bomUTF16LE, bomUTF16BE, bomUTF32BE} {
		if bytes.HasPrefix(data, b) {
			return true
		}
	}
	return false
}

// textOf returns data decoded as UTF-8 text by its byte-order mark, as
// pip's auto_decode reads a requirements file
// (pip/_internal/utils/encoding.py; review 24, finding F): UTF-8's mark
// is dropped, UTF-16 and UTF-32 in either byte order are transcoded
// (an invalid code unit becomes U+FFFD, a last incomplete one is
// dropped, as a head cut short ends), and data without a mark is
// returned as it is.
func textOf(data []byte) []byte {
	var order binary.ByteOrder
	size := 0
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF32LE):
		order, size = binary.LittleEndian, 4
	case bytes.HasPrefix(data, bomUTF32BE):
		order, size = binary.BigEndian, 4
	case bytes.HasPrefix(data, bomUTF16LE):
		order, size = binary.LittleEndian, 2
	case bytes.HasPrefix(data, bomUTF16BE):
		order, size = binary.BigEndian, 2
	default:
		return data
	}
	data = data[size:]
	out := make([]byte, 0, len(data)/size)
	if size == 4 {
		for ; len(data) >= 4; data = data[4:] {
			out = utf8.AppendRune(out, rune(order.Uint32(data)))
		}
		return out
	}
	units := make([]uint16, 0, len(data)/2)
	for ; len(data) >= 2; data = data[2:] {
		units = append(units, order.Uint16(data))
	}
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// readable looks at name before it is opened (opening a named pipe waits
// for a writer): a folder is fs.ReadFile's own error; a file that is not
// regular, or over max bytes when max > 0, is refused and remembered.
func (c *contextFS) readable(name string, max int64) error {
	if max <= 0 && c.listedRegular(name) {
		return nil // no size to check: the listing said enough
	}
	st, err := c.Stat(name)
	switch {
	case err != nil || st.IsDir():
		return err
	case !st.Mode().IsRegular():
		err = errNotRegular
	case max > 0 && st.Size() > max:
		err = tooLarge(max)
	default:
		return nil
	}
	c.unread[name] = err
	return &fs.PathError{Op: "read", Path: name, Err: err}
}

// listedRegular reports whether the listing of name's folder, when one
// was made, shows a regular file there (a symlink is not one: where it
// leads is not listed). It then need not be looked at before it is
// opened: over a tree of contexts, that look was a system call per file.
func (c *contextFS) listedRegular(name string) bool {
	e, _ := c.listedEntry(name)
	return e != nil && e.Type().IsRegular()
}

// readOpened reads the file name, which its folder's listing shows as a
// regular file, with readable's checks made on the opened file: a file
// replaced since the listing by something else, or over max bytes, is
// refused and remembered as readable would.
func (c *contextFS) readOpened(name string, max int64) ([]byte, error) {
	f, err := c.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch {
	case !st.Mode().IsRegular():
		err = errNotRegular
	case st.Size() > max:
		err = tooLarge(max)
	}
	if err != nil {
		c.unread[name] = err
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	// One byte more than the size reads to the end in one call, as
	// os.ReadFile does; a file that grows meanwhile is read up to max.
	data := make([]byte, 0, st.Size()+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			c.unread[name] = tooLarge(max)
			return nil, &fs.PathError{Op: "read", Path: name, Err: tooLarge(max)}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readConfig reads a file of the context bounded by maxConfigFile.
func readConfig(fsys fs.FS, name string) ([]byte, error) {
	if c, ok := fsys.(*contextFS); ok {
		if err := c.readable(name, maxConfigFile); err != nil {
			return nil, err
		}
	}
	return fs.ReadFile(fsys, name)
}

// errBindingsCapped: a source with more write calls by names than the
// write scan looks up (presets.WriteSources.BindingsCapped).
var errBindingsCapped = errors.New("read in part")

// readInPart records a file that a reader read only in part, with why,
// for the same note as a file not read (RS369).
func (c *contextFS) readInPart(name string, why error) {
	c.unread[name] = why
}

// unreadFiles are the files refused so far, by name, with the reason.
func (c *contextFS) unreadFiles() (names []string, why []error) {
	for n := range c.unread {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		why = append(why, c.unread[n])
	}
	return names, why
}

// readHead returns at most the first max bytes of the file name in fsys,
// as Open and io.ReadAll of an io.LimitReader do: opened is false when
// Open failed (err is then its error), err is the read's error otherwise,
// with what was read before it. From contextFS's cache when fsys is one.
func readHead(fsys fs.FS, name string, max int64) (data []byte, opened bool, err error) {
	c, ok := fsys.(*contextFS)
	if !ok {
		return readHeadFrom(fsys, name, max)
	}
	if r, ok := c.files[name]; ok && r.err == nil && int64(len(r.data)) <= max {
		return c.text(fileKey{name, 0}, r.data), true, nil
	}
	if c.absent(name) {
		return nil, false, notExist("open", name)
	}
	k := headKey{name, max}
	r, ok := c.heads[k]
	if !ok {
		// A head of any file is bounded, but a named pipe is not opened.
		if r.err = c.readable(name, 0); r.err == nil {
			r.data, r.opened, r.err = readHeadFrom(c.fsys, name, max)
		}
		c.heads[k] = r
	}
	return c.text(k, r.data), r.opened, r.err
}

func readHeadFrom(fsys fs.FS, name string, max int64) ([]byte, bool, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max))
	return data, true, err
}

// walkContext is fs.WalkDir(ctx, root, fn). The source scans (the
// programs the sources run, their writes, the modules they load, the
// files they read, the signs of a C library) each walk the whole
// context with their own skips; over a contextFS they share one walk:
// each folder is listed, and its entries' paths joined, once per
// conversion, and each scan is a visitor replaying that listing, reading
// the same bytes through readHead's cache.
func walkContext(ctx fs.FS, root string, fn fs.WalkDirFunc) {
	c, ok := ctx.(*contextFS)
	if !ok {
		_ = fs.WalkDir(ctx, root, fn)
		return
	}
	info, err := c.Stat(root)
	if err != nil {
		_ = fn(root, nil, err)
		return
	}
	_ = c.walkDir(root, fs.FileInfoToDirEntry(info), fn)
}

// walkDir is io/fs's walkDir over the listings of c.kids: the same
// calls of fn in the same order, with the same answers to fs.SkipDir
// and fs.SkipAll.
func (c *contextFS) walkDir(name string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(name, d, nil); err != nil || !d.IsDir() {
		if err == fs.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	k := c.kids[name]
	if k == nil {
		k = &dirKids{}
		k.ents, k.err = c.ReadDir(name)
		k.paths = make([]string, len(k.ents))
		for i, e := range k.ents {
			k.paths[i] = path.Join(name, e.Name())
		}
		c.kids[name] = k
	}
	if k.err != nil {
		if err := fn(name, d, k.err); err != nil {
			if err == fs.SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for i, e := range k.ents {
		if err := c.walkDir(k.paths[i], e, fn); err != nil {
			if err == fs.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

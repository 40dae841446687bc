package workspace

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/restage/restage/transform"
)

// Memo reuses a conversion for a Dockerfile that another one of the same
// run already converted, when nothing the engine read differs: a tree of
// copied projects (a monorepo's services made from one template) converts
// each shape once and then only reads each copy's context again.
//
// Why the reuse is exact: the engine is a function of the input's bytes,
// its options and what it reads of the context (transform is pure, and a
// conversion runs on one goroutine). The first conversion of an input
// runs on a recorder that performs each of the engine's calls on the
// context and writes down everything the engine can see of its answer:
// bytes read, names and kinds listed, a file's name, size and mode, an
// error's text, types and the io/fs errors it matches. The recorder hides
// the rest (a file's time and system data read as zero), so that what the
// engine saw is what was written down. For another file with the same
// input and options, the memo performs the same calls in the same order on
// that file's context; if every answer is seen equal, the engine would
// have made the same calls and got the same answers, so its result would
// be the same, and the recorded one is returned. At the first answer that
// differs the replay stops and the file is converted as usual.
//
// An input is recorded from its second conversion on: most files of a
// tree of distinct projects are converted once, and recording them all
// held the answers of every one for nothing (a peak of 84 MB instead of
// 43 MB over testdata). A Memo is safe for concurrent use. It holds at
// most memoBudget bytes of inputs and answers, and memoPerKey contexts
// per input; past those it converts without recording.
type Memo struct {
	mu      sync.Mutex
	entries map[string][]*memoEntry
	seen    map[uint64]bool // inputs converted once, by their key's hash
	seed    maphash.Seed
	held    int
}

const (
	memoBudget = 4 << 20 // a live heap the collector lets grow about fivefold (GOGC=400)
	memoPerKey = 4
	// memoObsSize is a step's own share of the budget besides its bytes.
	memoObsSize = 96
)

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{entries: map[string][]*memoEntry{}, seen: map[uint64]bool{}, seed: maphash.MakeSeed()}
}

type memoEntry struct {
	presets  []*transform.Preset // by identity: the same loaded presets
	imageMap []transform.ImageMapping
	trace    []memoObs // nil without a context
	res      *transform.Result
	err      error
}

// memoKey holds every option compared by value, and the input.
func memoKey(src []byte, opt transform.Options) string {
	var b strings.Builder
	for _, s := range []string{opt.Runtime, opt.Preset, opt.Dockerfile, strconv.FormatBool(opt.FitHealthcheck), strconv.FormatBool(opt.Context != nil)} {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	b.Write(src)
	return b.String()
}

// convert is convert(src, opt), or the result of an equal earlier call.
// A panic in convert leaves nothing recorded.
func (m *Memo) convert(convert func([]byte, transform.Options) (*transform.Result, error), src []byte, opt transform.Options) (*transform.Result, error) {
	key := memoKey(src, opt)
	m.mu.Lock()
	cands := m.entries[key]
	full := m.held >= memoBudget || len(cands) >= memoPerKey
	if h := maphash.String(m.seed, key); len(cands) == 0 && !m.seen[h] {
		// A hash is enough here: it decides only whether to record.
		m.seen[h] = true
		full = true
	}
	m.mu.Unlock()
	for _, e := range cands {
		if slices.Equal(e.presets, opt.Presets) && slices.Equal(e.imageMap, opt.ImageMap) && (opt.Context == nil || replay(opt.Context, e.trace)) {
			return e.res, e.err
		}
	}
	if full {
		return convert(src, opt)
	}
	var rec *recorder
	if opt.Context != nil {
		rec = &recorder{s: newMemoSession(opt.Context)}
		opt.Context = rec
	}
	res, err := convert(src, opt)
	e := &memoEntry{presets: opt.Presets, imageMap: opt.ImageMap, res: res, err: err}
	size := len(key) + memoObsSize
	if res != nil {
		size += len(res.Output) + 64*(len(res.Notes)+len(res.Moves)+len(res.Edits)+len(res.Evidence))
	}
	if rec != nil {
		rec.done = true
		e.trace = rec.trace
		for _, o := range rec.trace {
			size += memoObsSize + len(o.data) + len(o.name) + len(o.err.text)
			for _, en := range o.ents {
				size += len(en.name) + 24
			}
		}
	}
	m.mu.Lock()
	if m.held+size <= memoBudget && len(m.entries[key]) < memoPerKey {
		m.entries[key] = append(m.entries[key], e)
		m.held += size
	}
	m.mu.Unlock()
	return res, err
}

// The engine's calls on a context, and on the files and entries it got.
const (
	opOpen = iota
	opStat
	opReadFile
	opReadDir
	opFileStat
	opFileRead
	opFileReadDir
	opFileClose
	opEntryInfo
)

// memoObs is one call (op with name, h and n) and what the engine saw of
// its answer.
type memoObs struct {
	op   int
	name string
	h    int // the step that opened the file, or that listed the entry
	n    int // a read's buffer size, ReadDir's count, an entry's index

	got  int // bytes read
	data []byte
	info memoInfo
	ents []memoEnt
	err  memoErr
}

type memoInfo struct {
	ok   bool
	name string
	size int64
	mode fs.FileMode
}

type memoEnt struct {
	name string
	typ  fs.FileMode
}

type memoErr struct {
	text  string
	types string // the %T of each error along the Unwrap chain
	is    uint16 // which of memoSentinels errors.Is matches
}

// memoSentinels are the errors the engine and the standard library
// test with errors.Is.
var memoSentinels = []error{fs.ErrNotExist, fs.ErrExist, fs.ErrPermission, fs.ErrInvalid, fs.ErrClosed,
	io.EOF, io.ErrUnexpectedEOF, errNotRegular}

func observeErr(err error) memoErr {
	if err == nil {
		return memoErr{}
	}
	o := memoErr{text: err.Error()}
	var types strings.Builder
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Fprintf(&types, "%T;", e)
	}
	o.types = types.String()
	for i, s := range memoSentinels {
		if errors.Is(err, s) {
			o.is |= 1 << i
		}
	}
	return o
}

func observeInfo(fi fs.FileInfo) memoInfo {
	if fi == nil {
		return memoInfo{}
	}
	return memoInfo{ok: true, name: fi.Name(), size: fi.Size(), mode: fi.Mode()}
}

func (o *memoObs) equal(r *memoObs) bool {
	return o.got == r.got && string(o.data) == string(r.data) && o.info == r.info && o.err == r.err &&
		slices.Equal(o.ents, r.ents)
}

// memoSession performs calls on one context, for the recorder and for a
// replay alike, so that both make them the same way.
type memoSession struct {
	fsys  fs.FS
	files map[int]fs.File
	lists map[int][]fs.DirEntry
}

func newMemoSession(fsys fs.FS) *memoSession {
	return &memoSession{fsys: fsys, files: map[int]fs.File{}, lists: map[int][]fs.DirEntry{}}
}

var errMemoHandle = errors.New("no such open file")

// do performs o's call as step i, fills in what is seen of the answer
// and returns the answer itself: an fs.File, a FileInfo, a listing or the
// bytes. A read goes into buf, or a new buffer of o.n bytes.
func (s *memoSession) do(i int, o *memoObs, buf []byte) (any, error) {
	var (
		val any
		err error
	)
	switch o.op {
	case opOpen:
		var f fs.File
		if f, err = s.fsys.Open(o.name); err == nil {
			s.files[i] = f
			val = f
		}
	case opStat:
		var fi fs.FileInfo
		fi, err = fs.Stat(s.fsys, o.name)
		o.info, val = observeInfo(fi), fi
	case opReadFile:
		o.data, err = fs.ReadFile(s.fsys, o.name)
		val = o.data
		o.data = slices.Clone(o.data)
	case opReadDir:
		var ents []fs.DirEntry
		ents, err = fs.ReadDir(s.fsys, o.name)
		o.ents, val = s.list(i, ents), ents
	case opEntryInfo:
		ents := s.lists[o.h]
		if o.n >= len(ents) {
			err = errMemoHandle
			break
		}
		var fi fs.FileInfo
		fi, err = ents[o.n].Info()
		o.info, val = observeInfo(fi), fi
	default:
		f := s.files[o.h]
		if f == nil {
			err = errMemoHandle
			break
		}
		switch o.op {
		case opFileStat:
			var fi fs.FileInfo
			fi, err = f.Stat()
			o.info, val = observeInfo(fi), fi
		case opFileRead:
			if buf == nil {
				buf = make([]byte, o.n)
			}
			o.got, err = f.Read(buf)
			o.data = slices.Clone(buf[:o.got])
		case opFileReadDir:
			d, ok := f.(fs.ReadDirFile)
			if !ok {
				err = &fs.PathError{Op: "readdir", Path: o.name, Err: errors.New("not implemented")}
				break
			}
			var ents []fs.DirEntry
			ents, err = d.ReadDir(o.n)
			o.ents, val = s.list(i, ents), ents
		case opFileClose:
			err = f.Close()
			delete(s.files, o.h)
		}
	}
	o.err = observeErr(err)
	return val, err
}

func (s *memoSession) list(i int, ents []fs.DirEntry) []memoEnt {
	s.lists[i] = ents
	seen := make([]memoEnt, len(ents))
	for k, e := range ents {
		seen[k] = memoEnt{e.Name(), e.Type()}
	}
	return seen
}

func (s *memoSession) closeAll() {
	for _, f := range s.files {
		f.Close()
	}
}

// replay reports whether every call of trace, made on fsys, is answered
// as it was.
func replay(fsys fs.FS, trace []memoObs) bool {
	s := newMemoSession(fsys)
	defer s.closeAll()
	for i := range trace {
		r := &trace[i]
		o := memoObs{op: r.op, name: r.name, h: r.h, n: r.n}
		s.do(i, &o, nil)
		if !o.equal(r) {
			return false
		}
	}
	return true
}

// recorder is the context a recorded conversion reads: it makes each
// call through its session and keeps what the engine saw of the answer.
type recorder struct {
	s     *memoSession
	trace []memoObs
	done  bool // the conversion returned: later calls are not kept
}

func (r *recorder) step(o memoObs, buf []byte) (int, any, error) {
	i := len(r.trace)
	val, err := r.s.do(i, &o, buf)
	if o.op == opFileRead {
		val = o.got
	}
	if !r.done {
		r.trace = append(r.trace, o)
	}
	return i, val, err
}

func (r *recorder) Open(name string) (fs.File, error) {
	i, val, err := r.step(memoObs{op: opOpen, name: name}, nil)
	if err != nil {
		return nil, err
	}
	return &recFile{r: r, h: i, name: name, f: val.(fs.File)}, nil
}

func (r *recorder) Stat(name string) (fs.FileInfo, error) {
	_, val, err := r.step(memoObs{op: opStat, name: name}, nil)
	return recInfoOf(val), err
}

func (r *recorder) ReadFile(name string) ([]byte, error) {
	_, val, err := r.step(memoObs{op: opReadFile, name: name}, nil)
	data, _ := val.([]byte)
	return data, err
}

func (r *recorder) ReadDir(name string) ([]fs.DirEntry, error) {
	i, val, err := r.step(memoObs{op: opReadDir, name: name}, nil)
	ents, _ := val.([]fs.DirEntry)
	return r.entries(i, ents), err
}

func (r *recorder) entries(i int, ents []fs.DirEntry) []fs.DirEntry {
	if ents == nil {
		return nil
	}
	out := make([]fs.DirEntry, len(ents))
	for k, e := range ents {
		out[k] = &recEntry{r: r, h: i, n: k, name: e.Name(), typ: e.Type()}
	}
	return out
}

// recInfoOf is what the engine may see of a FileInfo: nil stays nil.
func recInfoOf(val any) fs.FileInfo {
	fi, _ := val.(fs.FileInfo)
	if fi == nil {
		return nil
	}
	return recInfo(observeInfo(fi))
}

type recFile struct {
	r    *recorder
	h    int
	name string
	f    fs.File
}

func (f *recFile) Stat() (fs.FileInfo, error) {
	_, val, err := f.r.step(memoObs{op: opFileStat, h: f.h, name: f.name}, nil)
	return recInfoOf(val), err
}

func (f *recFile) Read(p []byte) (int, error) {
	_, val, err := f.r.step(memoObs{op: opFileRead, h: f.h, n: len(p), name: f.name}, p)
	return val.(int), err
}

func (f *recFile) ReadDir(n int) ([]fs.DirEntry, error) {
	i, val, err := f.r.step(memoObs{op: opFileReadDir, h: f.h, n: n, name: f.name}, nil)
	ents, _ := val.([]fs.DirEntry)
	return f.r.entries(i, ents), err
}

func (f *recFile) Close() error {
	_, _, err := f.r.step(memoObs{op: opFileClose, h: f.h, name: f.name}, nil)
	return err
}

type recEntry struct {
	r    *recorder
	h, n int
	name string
	typ  fs.FileMode
}

func (e *recEntry) Name() string      { return e.name }
func (e *recEntry) IsDir() bool       { return e.typ.IsDir() }
func (e *recEntry) Type() fs.FileMode { return e.typ }
func (e *recEntry) Info() (fs.FileInfo, error) {
	_, val, err := e.r.step(memoObs{op: opEntryInfo, h: e.h, n: e.n}, nil)
	return recInfoOf(val), err
}

// recInfo is a FileInfo as far as the memo compares it.
type recInfo memoInfo

func (i recInfo) Name() string       { return i.name }
func (i recInfo) Size() int64        { return i.size }
func (i recInfo) Mode() fs.FileMode  { return i.mode }
func (i recInfo) ModTime() time.Time { return time.Time{} }
func (i recInfo) IsDir() bool        { return i.mode.IsDir() }
func (i recInfo) Sys() any           { return nil }

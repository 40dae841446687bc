package presets

import (
	"slices"
	"testing"
)

// pythonWrites is python.yaml's writes.sources.
func pythonWrites(t *testing.T) *WriteSources {
	t.Helper()
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == "python" && p.Writes != nil && p.Writes.Sources != nil {
			return p.Writes.Sources
		}
	}
	t.Fatal("the python preset has no writes.sources")
	return nil
}

// Review 17, finding C: pathlib's writes, library writes and names bound
// to Path literals are read as writes of their paths; what cannot be
// read without guessing (an f-string, a "/"-led joined part, an
// attribute, a name bound anew) is not.
func TestPythonPathlibWrites(t *testing.T) {
	s := pythonWrites(t)
	for _, c := range []struct {
		src  string
		want []string
	}{
		{`Path("data/raw").mkdir(parents=True, exist_ok=True)`, []string{"data/raw"}},
		{`pathlib.Path('out.txt').write_text("x")`, []string{"out.txt"}},
		{`Path("a", "b.bin").write_bytes(b)`, []string{"a/b.bin"}},
		{`(Path("data") / "raw" / "x.json").write_text("{}")`, []string{"data/raw/x.json"}},
		{`Path("stamp").touch()`, []string{"stamp"}},
		{`with Path("log.txt").open("a") as f: pass`, []string{"log.txt"}},
		{`with Path("log.txt").open(mode="wb") as f: pass`, []string{"log.txt"}},
		// Reads, not writes.
		{`Path("log.txt").open("r")`, nil},
		{`Path("log.txt").open(encoding="utf-8")`, nil},
		{`Path("log.txt").read_text()`, nil},
		// A "/"-led part starts a new path in pathlib: not read.
		{`(Path("data") / "/x").mkdir()`, nil},
		{`(Path("data") / f"{n}.json").write_text("{}")`, nil},
		// Names bound at module level, joined with literals.
		{"DATA = Path(\"data\")\nDATA.mkdir(exist_ok=True)", []string{"data"}},
		{"DATA = Path(\"data\")\n(DATA / \"raw\").mkdir()", []string{"data/raw"}},
		{"DATA = Path(\"data\")\nRAW = DATA / \"raw\"\nRAW.mkdir()", []string{"data/raw"}},
		{"DATA: Path = Path(\"data\")  # the data\nDATA.mkdir()", []string{"data"}},
		{"DATA = Path(\"data\")\nRAW = Path(DATA) / 'raw'\nRAW.mkdir()", []string{"data/raw"}},
		{"LOGS = \"logs\"\nos.makedirs(LOGS, exist_ok=True)", []string{"logs"}},
		{"LOGS = \"logs\"\nos.makedirs(os.path.join(LOGS, \"app\"))", []string{"logs/app"}},
		{"OUT = os.path.join(\"out\", \"x.txt\")\nwith open(OUT, \"w\") as f: pass", []string{"out/x.txt"}},
		{"DB = Path(\"db\") / \"app.sqlite\"\nsqlite3.connect(DB)", []string{"db/app.sqlite"}},
		// A for loop over names: each, in order.
		{"A = Path(\"data/raw\")\nB = Path(\"models\")\nfor d in [A, B]:\n    d.mkdir(parents=True, exist_ok=True)", []string{"data/raw", "models"}},
		{"for d in (\"x\", 'y'):\n    Path(d)\n    os.makedirs(d)", []string{"x", "y"}},
		// An attribute is not the module's name.
		{"DATA = Path(\"data\")\nself.DATA.mkdir()", nil},
		// A name bound anew before the call, or a parameter of that name.
		{"DATA = Path(\"data\")\nDATA = other()\nDATA.mkdir()", nil},
		{"DATA = Path(\"data\")\ndef f(DATA):\n    DATA.mkdir()", nil},
		{"DATA = Path(\"data\")\ndef f():\n    DATA = where()\n    DATA.mkdir()", nil},
		{"DATA = Path(\"data\")\nfor DATA in dirs:\n    DATA.mkdir()", nil},
		{"DATA = Path(\"data\")\nfrom x import DATA\nDATA.mkdir()", nil},
		// A binding inside a function is not read.
		{"def f():\n    out = Path(\"out\")\n    out.mkdir()", nil},
		// Library writes on literal and bound paths.
		{`joblib.dump(model, "models/m.joblib")`, []string{"models/m.joblib"}},
		{`joblib.dump(make(a, b), filename="m.pkl", compress=3)`, []string{"m.pkl"}},
		{"MODELS = Path(\"models\")\njoblib.dump(clf, MODELS / \"m.joblib\")", []string{"models/m.joblib"}},
		{"MODELS = Path(\"models\")\njoblib.dump(clf, MODELS / f\"{name}.joblib\")", nil},
		{`df.to_csv("out.csv", index=False)`, []string{"out.csv"}},
		{`comparison.to_parquet(path="c.parquet")`, []string{"c.parquet"}},
		{"MODELS = Path(\"models\")\ncomparison.to_csv(MODELS / \"comparison.csv\")", []string{"models/comparison.csv"}},
		{"buf = io.StringIO()\ndf.to_csv(buf)", nil},
		{`np.save("x.npy", arr)`, []string{"x.npy"}},
		{`numpy.savetxt(fname="x.txt", X=a)`, []string{"x.txt"}},
	} {
		if got := s.Paths([]byte(c.src)); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q, want %q", c.src, got, c.want)
		}
	}
}

// Review 17, finding C: __file__'s folder, and folders above it, read as
// the image path where the COPY put the source (/app/src/config.py).
func TestPythonFileDirWrites(t *testing.T) {
	s := pythonWrites(t)
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"ROOT = Path(__file__).resolve().parents[1]\nDATA = ROOT / \"data\"\nRAW = DATA / \"raw\"\nMODELS = ROOT / \"models\"\nfor d in [RAW, MODELS]:\n    d.mkdir(parents=True, exist_ok=True)", []string{"/app/data/raw", "/app/models"}},
		{`(Path(__file__).resolve().parent / "cache").mkdir()`, []string{"/app/src/cache"}},
		{"HERE = Path(__file__).parent\n(HERE / \"x.json\").write_text(\"{}\")", []string{"/app/src/x.json"}},
		{"BASE = Path(__file__).resolve().parent.parent\n(BASE / \"logs\").mkdir()", []string{"/app/logs"}},
		{"BASE = pathlib.Path(__file__).absolute().parents[0]\n(BASE / \"logs\").mkdir()", []string{"/app/src/logs"}},
		{`os.makedirs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))`, []string{"/app/src/out"}},
		{`os.makedirs(os.path.join(os.path.dirname(__file__), "out"), exist_ok=True)`, []string{"/app/src/out"}},
		{"ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))\nos.makedirs(os.path.join(ROOT, \"out\"))", []string{"/app/out"}},
		{"ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), \"var\")\nos.makedirs(ROOT)", []string{"/app/var"}},
		// Going up from a __file__ that may be relative is not read.
		{"BASE = Path(__file__).parent.parent\n(BASE / \"logs\").mkdir()", nil},
		// Something other than literals joined: not read.
		{`(Path(__file__).resolve().parent / name).mkdir()`, nil},
	} {
		d, _ := s.InFileDir([]byte(c.src), "/app/src")
		if got := s.Paths(d); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q, want %q", c.src, got, c.want)
		}
	}
}

// upCount reads group "up" as a number or as repeats of its first word.
func TestUpCount(t *testing.T) {
	for s, want := range map[string]int{"": 0, "1": 1, " 3 ": 3, ".parent": 1, ".parent .parent": 2, "os": 1, "99999999999": 64} {
		if got := upCount(s); got != want {
			t.Errorf("upCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// listItems splits at top-level commas only.
func TestListItems(t *testing.T) {
	got := listItems(` A, "b,c", f(x, y), [1, 2] ,`)
	want := []string{"A", `"b,c"`, "f(x, y)", "[1, 2]"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

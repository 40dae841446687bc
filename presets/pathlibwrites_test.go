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
		// Joined to an f-string: a write under models (WritesIn tells).
		{"MODELS = Path(\"models\")\njoblib.dump(clf, MODELS / f\"{name}.joblib\")", []string{"models"}},
		{"joblib.dump(clf, MODELS / f\"{name}.joblib\")", nil},
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
		// Going up from __file__ as it is: absolute since Python 3.9.
		{"BASE = Path(__file__).parent.parent\n(BASE / \"logs\").mkdir()", []string{"/app/logs"}},
		{"BASE = Path(__file__).parents[1]\nBASE.joinpath(\"logs\").mkdir()", []string{"/app/logs"}},
		{"ROOT = os.path.dirname(os.path.dirname(__file__))\nos.makedirs(os.path.join(ROOT, \"out\"))", []string{"/app/out"}},
		{"DATA = Path(__file__).parent.joinpath(\"data\", \"raw\")\nDATA.mkdir()", []string{"/app/src/data/raw"}},
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

// A bound folder joined to a part that is no literal (an f-string, a
// name) is written somewhere under; .joinpath joins as / does.
func TestPythonWritesUnder(t *testing.T) {
	s := builtinPreset(t, "python").Writes.Sources
	const models = "MODELS_DIR = Path(\"models\")\nDATA_DIR = \"data\"\n"
	for _, c := range []struct {
		src  string
		want []Written
	}{
		{models + "joblib.dump(clf, MODELS_DIR / f\"{name}.joblib\")", []Written{{"models", true}}},
		{models + "df.to_csv(os.path.join(DATA_DIR, f\"{x}.csv\"), index=False)", []Written{{"data", true}}},
		{models + "df.to_csv(os.path.join(DATA_DIR, \"raw\", name))", []Written{{"data/raw", true}}},
		{models + "df.to_csv(os.path.join(DATA_DIR, \"raw.csv\"))", []Written{{"data/raw.csv", false}}},
		{models + "with open(os.path.join(DATA_DIR, fname), \"w\") as f:\n    pass", []Written{{"data", true}}},
		{models + "(MODELS_DIR / \"v1\" / run_id).mkdir(parents=True)", []Written{{"models/v1", true}}},
		{models + "MODELS_DIR.joinpath(\"v1\", \"m.pkl\").write_bytes(b)", []Written{{"models/v1/m.pkl", false}}},
		{models + "MODELS_DIR.joinpath(f\"{run}.pkl\").write_bytes(b)", []Written{{"models", true}}},
		{models + "RAW = MODELS_DIR.joinpath(\"raw\")\nRAW.mkdir()", []Written{{"models/raw", false}}},
		{models + "np.save(MODELS_DIR / name, arr)", []Written{{"models", true}}},
		// A call's result is no part that can be told: nothing.
		{models + "joblib.dump(clf, MODELS_DIR / name())", nil},
		// A call's parenthesized argument is no path expression.
		{models + "f(MODELS_DIR).mkdir()", nil},
	} {
		if got := s.WritesIn("", []byte(c.src), nil); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %v, want %v", c.src, got, c.want)
		}
	}
}

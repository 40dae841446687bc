package presets

import "testing"

// python.yaml's home_deps (review 16, finding A): a listed package named
// in a project file or a RUN word, however pip lets its separators be
// spelled, and no other package whose name only starts the same.
func TestPythonHomeDeps(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var h *HomeDeps
	for _, p := range ps {
		if p.Name == "python" {
			h = p.HomeDeps
		}
	}
	if h == nil || len(h.Deps) == 0 {
		t.Fatal("the python preset has no home_deps")
	}
	for _, c := range []struct {
		file string
		want string
	}{
		{"requests==2.32.3\nopen-interpreter==0.4.3\n", "open-interpreter"},
		{"Open_Interpreter>=0.4\n", "open-interpreter"},
		{"dependencies = [\"open.interpreter[os]\"]\n", "open-interpreter"},
		{"panns_inference\n", "panns-inference"},
		{"open-interpreter-termux==0.1\n", ""},
		{"# open-interpreter is run from its own image\n", ""},
		{"requests\n", ""},
	} {
		got := ""
		if ds := h.AllInFile([]byte(c.file)); len(ds) > 0 {
			got = ds[0].Dep.Name
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.file, got, c.want)
		}
	}
	for _, c := range []struct {
		word string
		want string
	}{
		{"panns_inference==0.1.1", "panns-inference"},
		{"open-interpreter", "open-interpreter"},
		{"open-interpreter-termux", ""},
		{"-r", ""},
	} {
		got := ""
		if d, ok := h.Named(c.word); ok {
			got = d.Name
		}
		if got != c.want {
			t.Errorf("word %q: got %q, want %q", c.word, got, c.want)
		}
	}
}

// python.yaml's home_deps.calls (review 23, finding B): a download call
// with a hub id or a name restage cannot read counts; a local folder as
// the model, or the call's own cache folder, does not, nor a call whose
// module the source does not import when the call's name is common.
func TestPythonHomeCalls(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var h *HomeDeps
	for _, p := range ps {
		if p.Name == "python" {
			h = p.HomeDeps
		}
	}
	if h == nil || len(h.Calls) == 0 {
		t.Fatal("the python preset has no home_deps.calls")
	}
	for _, c := range []struct {
		src  string
		want string
	}{
		{`m = AutoModel.from_pretrained("bert-base-uncased")`, "from_pretrained"},
		{`m = CLIPModel.from_pretrained(self._model_id)`, "from_pretrained"},
		{"m = AutoModel.from_pretrained(\n    \"org/model\",\n    torch_dtype=dtype(\"f16\"),\n)", "from_pretrained"},
		{`m = AutoModel.from_pretrained("./model")`, ""},
		{`m = AutoModel.from_pretrained(r"/models/bert")`, ""},
		{`m = AutoModel.from_pretrained("../shared/bert", local_files_only=True)`, ""},
		{`m = AutoModel.from_pretrained("org/model", revision=rev(1), cache_dir="/app/cache")`, ""},
		{"from sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"all-MiniLM-L6-v2\")", "SentenceTransformer"},
		{"from sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"all-MiniLM-L6-v2\", cache_folder=\"/app/st\")", ""},
		{"m = SentenceTransformer(\"all-MiniLM-L6-v2\")", ""},
		{"from huggingface_hub import hf_hub_download\np = hf_hub_download(repo_id=\"org/x\", filename=\"a.bin\")", "hf_hub_download"},
		{"from transformers import AutoTokenizer, pipeline\nclf = pipeline(\"sentiment-analysis\")", "pipeline"},
		{"from transformers import pipeline\nclf = pipeline(\"sentiment-analysis\", model=\"./sentiment\")", ""},
		{"from sklearn.pipeline import pipeline\np = pipeline(steps)", ""},
		{`model = torch.hub.load("ultralytics/yolov5", "yolov5s")`, "torch.hub.load"},
		{`nltk.download("punkt")`, "nltk.download"},
		{`nltk.download("punkt", download_dir="/app/nltk_data")`, ""},
		{`model = whisper.load_model("base")`, "whisper.load_model"},
		{`model = whisper.load_model("base", download_root="/models")`, ""},
	} {
		got := ""
		if us := h.CallsIn([]byte(c.src)); len(us) > 0 {
			got = us[0].Call.Name
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

// node.yaml's home_deps (review 24, finding A): puppeteer and playwright
// named as dependencies in package.json or a lockfile, or by a RUN word,
// and not puppeteer-core, @puppeteer/browsers or a word of a description;
// an ENV that moves the cache (or skips the download) drops puppeteer.
func TestNodeHomeDeps(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var h *HomeDeps
	for _, p := range ps {
		if p.Name == "node" {
			h = p.HomeDeps
		}
	}
	if h == nil || len(h.Deps) == 0 {
		t.Fatal("the node preset has no home_deps")
	}
	for _, c := range []struct {
		file string
		want string
	}{
		{`{"dependencies": {"express": "^4", "puppeteer": "^19.4.1"}}`, "puppeteer"},
		{`{"packages": {"node_modules/puppeteer": {"version": "19.4.1"}}}`, "puppeteer"},
		{"puppeteer@^22.0.0:\n  version \"22.15.0\"\n", "puppeteer"},
		{`{"dependencies": {"playwright": "1.47.0"}}`, "playwright"},
		{`{"dependencies": {"puppeteer-core": "^22"}}`, ""},
		{`{"packages": {"node_modules/@puppeteer/browsers": {}}}`, ""},
		{`{"devDependencies": {"@playwright/test": "^1.47"}}`, ""},
		{`{"description": "screenshots with puppeteer"}`, ""},
	} {
		got := ""
		if ds := h.AllInFile([]byte(c.file)); len(ds) > 0 {
			got = ds[0].Dep.Name
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.file, got, c.want)
		}
	}
	for _, c := range []struct {
		word string
		want string
	}{
		{"puppeteer", "puppeteer"},
		{"puppeteer@19.4.1", "puppeteer"},
		{"playwright", "playwright"},
		{"puppeteer-core", ""},
		{"@puppeteer/browsers", ""},
	} {
		got := ""
		if d, ok := h.Named(c.word); ok {
			got = d.Name
		}
		if got != c.want {
			t.Errorf("word %q: got %q, want %q", c.word, got, c.want)
		}
	}
	var pup *HomeDep
	for i := range h.Deps {
		if h.Deps[i].Name == "puppeteer" {
			pup = &h.Deps[i]
		}
	}
	for _, c := range []struct {
		env   []string
		moved bool
	}{
		{[]string{"NODE_ENV=production"}, false},
		{[]string{"PUPPETEER_CACHE_DIR=/app/.cache/puppeteer"}, true},
		{[]string{"PUPPETEER_SKIP_DOWNLOAD=true"}, true},
		{[]string{"PUPPETEER_SKIP_DOWNLOAD=false"}, false},
		{[]string{"PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium"}, true},
		{[]string{"PUPPETEER_CACHE_DIR=~/.cache/x"}, false},
	} {
		if got := pup.Moved(c.env); got != c.moved {
			t.Errorf("%q: moved %v, want %v", c.env, got, c.moved)
		}
	}
}

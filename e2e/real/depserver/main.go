// Command depserver serves real applications' dependencies to offline
// Docker builds: containers here reach this machine (172.17.0.1 on the
// default bridge) but not the package registries, while this machine
// reaches the Go module proxy and npm. It is a caching pass-through: what a
// build asks for is fetched once by the host, kept under -cache, and served
// from there afterwards; with -offline nothing is fetched, so a complete
// cache proves the builds need no network.
//
//	/go/...    the GOPROXY protocol, from https://proxy.golang.org
//	/npm/...   the npm registry, from https://registry.npmjs.org; tarball
//	           addresses in package documents point back here, so that
//	           clients which do not rewrite them (yarn v1) stay offline
//	/pypi/...  a folder of wheels (-pyindex), as a pip --find-links page
//	/maven/... a Maven repository made from Debian's (-mavenrepo), with
//	           Debian's version standing in for versions it lacks (maven.go)
//
// It is a test tool for e2e/real_test.go (`make e2e-real`), not part of
// restage: it must never be imported.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

type server struct {
	cache   string
	offline bool
	client  *http.Client
	mu      sync.Mutex // serialises fills of the same key
	fills   map[string]*sync.Mutex
	logf    func(string, ...any)
}

func main() {
	addr := flag.String("addr", "0.0.0.0:7070", "listen address (containers reach the host at 172.17.0.1)")
	cache := flag.String("cache", "e2e/.cache/real/deps", "cache folder")
	offline := flag.Bool("offline", false, "serve only what is cached; fetch nothing")
	pyindex := flag.String("pyindex", "", "folder of wheels served under /pypi/")
	mavenrepo := flag.String("mavenrepo", "", "Maven repository folder (Debian's maven-repo) served under /maven/")
	flag.Parse()

	s := &server{cache: *cache, offline: *offline, client: &http.Client{Timeout: 5 * time.Minute},
		fills: map[string]*sync.Mutex{}, logf: log.Printf}
	mux := http.NewServeMux()
	mux.HandleFunc("/go/", s.goProxy)
	mux.HandleFunc("/npm/", s.npm)
	if *pyindex != "" {
		mux.Handle("/pypi/", http.StripPrefix("/pypi/", http.FileServer(http.Dir(*pyindex))))
	}
	if *mavenrepo != "" {
		mux.Handle("/maven/", newMavenRepo(*mavenrepo, log.Printf))
	}
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	log.Printf("depserver on %s, cache %s, offline %v", *addr, *cache, *offline)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// goProxy serves the module proxy protocol. Lists and @latest answers are
// cached too: offline builds must see the same versions as the fill did.
func (s *server) goProxy(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.EscapedPath(), "/go/")
	if strings.Contains(p, "..") || strings.HasPrefix(p, "sumdb/") {
		http.NotFound(w, r)
		return
	}
	s.serve(w, r, "go/"+p, "https://proxy.golang.org/"+p, nil)
}

// npm serves package documents and tarballs. A scoped name comes as
// @scope%2fname or @scope/name.
func (s *server) npm(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.EscapedPath(), "/npm/")
	p = strings.ReplaceAll(p, "%2f", "/")
	p = strings.ReplaceAll(p, "%2F", "/")
	if strings.Contains(p, "..") || p == "" {
		http.NotFound(w, r)
		return
	}
	upstream := "https://registry.npmjs.org/" + p
	key := "npm/" + p
	var rewrite func([]byte) []byte
	if !strings.Contains(p, "/-/") {
		// A package document: a file of its own next to the package's
		// tarball folder.
		key += "/doc.json"
		self := "http://" + r.Host + "/npm/"
		rewrite = func(b []byte) []byte {
			b = bytes.ReplaceAll(b, []byte("https://registry.npmjs.org/"), []byte(self))
			return bytes.ReplaceAll(b, []byte("https://registry.yarnpkg.com/"), []byte(self))
		}
	}
	s.serve(w, r, key, upstream, rewrite)
}

// serve answers from the cache, filling it from upstream first unless
// offline. rewrite, if set, is applied when serving (the cache keeps
// upstream's bytes, so the served address can change).
func (s *server) serve(w http.ResponseWriter, r *http.Request, key, upstream string, rewrite func([]byte) []byte) {
	file := filepath.Join(s.cache, filepath.FromSlash(key))
	if _, err := os.Stat(file); err != nil {
		if s.offline {
			s.logf("miss (offline) %s", key)
			http.Error(w, "not in the offline cache: "+key, http.StatusNotFound)
			return
		}
		status, err := s.fill(file, key, upstream)
		if err != nil {
			s.logf("fill %s: %v", key, err)
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		if status != http.StatusOK {
			http.Error(w, http.StatusText(status), status)
			return
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if rewrite != nil {
		b = rewrite(b)
	}
	switch path.Ext(key) {
	case ".json", ".info":
		w.Header().Set("Content-Type", "application/json")
	case ".mod", "":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	default:
		w.Header().Set("Content-Type", "application/octet-stream")
	}
	w.Write(b)
}

// fill fetches upstream into file; a non-200 answer is passed on and not
// cached, so that a later fill can still succeed.
func (s *server) fill(file, key, upstream string) (int, error) {
	s.mu.Lock()
	m := s.fills[key]
	if m == nil {
		m = &sync.Mutex{}
		s.fills[key] = m
	}
	s.mu.Unlock()
	m.Lock()
	defer m.Unlock()
	if _, err := os.Stat(file); err == nil {
		return http.StatusOK, nil
	}
	if _, err := url.Parse(upstream); err != nil {
		return 0, err
	}
	resp, err := s.client.Get(upstream)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		s.logf("upstream %d %s", resp.StatusCode, upstream)
		return resp.StatusCode, nil
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return 0, err
	}
	h := sha256.Sum256([]byte(key))
	tmp := file + ".tmp-" + hex.EncodeToString(h[:4])
	f, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, resp.Body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
	}
	s.logf("fetched %s (%d bytes)", key, n)
	return http.StatusOK, os.Rename(tmp, file)
}

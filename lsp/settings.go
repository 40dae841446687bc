package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"slices"

	"github.com/restage/restage/workspace"
)

// clientSettings are the settings a client may give, in
// initializationOptions or under "restage" in
// workspace/didChangeConfiguration.
type clientSettings struct {
	// Runtime replaces the command line's --runtime; "" keeps it.
	Runtime string `json:"runtime,omitempty"`
	// ImageMap are FROM=TO mappings tried before the command line's and
	// the config file's.
	ImageMap []string `json:"imageMap,omitempty"`
	// Context replaces --context: one build context folder for every
	// document, instead of each document's own folder.
	Context string `json:"context,omitempty"`
}

// initOptions are the initializationOptions restage reads.
type initOptions struct {
	clientSettings
	// ShowDeclines publishes why a file is left unchanged (and parse
	// errors), which is off by default: most Dockerfiles an editor opens
	// are already multi-stage, and one note on each is noise.
	ShowDeclines bool `json:"showDeclines,omitempty"`
}

// newSettings checks the command line's choices with the client's on top.
func (s *server) newSettings(c clientSettings) (*workspace.Settings, error) {
	ch := s.opt.Choices
	if ch.MaxSize == "" {
		ch.MaxSize = "1MiB" // the command's default
	}
	if c.Runtime != "" {
		ch.Runtime = c.Runtime
	}
	ch.ImageMap = append(slices.Clone(c.ImageMap), ch.ImageMap...)
	if c.Context != "" {
		ch.Context = c.Context
	}
	ws, err := workspace.New(ch)
	if ws != nil {
		ws.Convert = s.opt.Convert
	}
	var ce *workspace.ChoiceError
	if errors.As(err, &ce) {
		// Name the setting as the client spells it.
		name := map[string]string{"Runtime": "runtime", "ImageMap": "imageMap", "Context": "context"}[ce.Choice]
		if name == "" {
			name = ce.Choice
		}
		return nil, errors.New(name + ": " + ce.Err.Error())
	}
	return ws, err
}

// configure takes new client settings and converts every open document
// again. Settings that cannot be used are shown to the user and the old
// ones kept: an editor with a typo in its settings still gets hints.
func (s *server) configure(ctx context.Context, p DidChangeConfigurationParams) {
	var wrapped struct {
		Restage *json.RawMessage `json:"restage"`
	}
	if len(p.Settings) == 0 || json.Unmarshal(p.Settings, &wrapped) != nil || wrapped.Restage == nil {
		return // settings of other tools, or a pull-model client
	}
	var c struct {
		clientSettings
		ShowDeclines *bool `json:"showDeclines,omitempty"`
	}
	if err := json.Unmarshal(*wrapped.Restage, &c); err != nil {
		s.showMessage(ctx, MessageError, "restage: settings: %v", err)
		return
	}
	settings, err := s.newSettings(c.clientSettings)
	if err != nil {
		s.showMessage(ctx, MessageError, "restage: settings: %v (the previous settings stay)", err)
		return
	}
	s.mu.Lock()
	s.client, s.settings = c.clientSettings, settings
	if c.ShowDeclines != nil {
		s.showDeclines = *c.ShowDeclines
	}
	s.generation++
	var uris []string
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	slices.Sort(uris)
	for _, uri := range uris {
		s.publish(ctx, uri)
	}
}

package transform

// Convert rewrites a single-stage Dockerfile into a multi-stage one.
// A parse error is returned as *Error; every other outcome is a Result.
func Convert(src []byte, opt Options) (*Result, error) {
	if _, err := parseSource(src); err != nil {
		return nil, err
	}
	return &Result{Output: src, Declined: "not implemented yet"}, nil
}

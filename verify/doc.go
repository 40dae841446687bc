// Package verify builds a Dockerfile and its conversion, runs both
// images and compares them: build, probes (HTTP, a command, or the
// default stay-up/one-shot check), size, layers, user, and the shells
// and package managers left in the image. The result is a Report, for
// people (Table) or programs (JSON).
//
// It drives a container engine through the Engine interface; Docker is
// the docker CLI one. It never prints to the process's stdout or stderr
// and knows nothing of the command line: notes go to the io.Writer and
// the callback that Options carry, and the caller decides what a Report's
// exit status means to the process.
package verify

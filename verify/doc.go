// Package verify builds a Dockerfile and its conversion, runs both
// images and compares them: build, probes (HTTP, a command, or the
// default stay-up/one-shot check), the files each image wrote while
// probed, size, layers, user, and the shells and package managers left
// in the image. The result is a Report, for people (Table) or programs
// (JSON).
//
// Files written come from the engine's diff of each probe container
// before it is removed ("A /path", "C /path", "D /path"), reduced (a
// folder the run added stands for what is in it; a changed folder with
// a change under it is implied) and merged per image. A path one image
// wrote or deleted and the other did not is a difference: what the
// original could write, the converted image must write too, or its
// user most likely may not. Not compared, and listed with the reason:
// a write in a folder the other image lacks (no 1:1 counterpart), a
// hidden entry at the top of a home folder (tools' per-user state,
// which moves with the user and the launcher), and caches of compiled
// code (__pycache__, node-compile-cache), rebuilt when missing, and a
// VOLUME's mount point, which the engine makes at start, and the JVM's
// per-user performance counters (/tmp/hsperfdata_<user>), and go run's
// work folder (/tmp/go-build<N>), which a conversion that builds in the
// builder never writes.
//
// Options.RunCmd starts both images' probe containers with one command
// in place of their CMD, as a compose service's command: does: an image
// with no CMD of its own (RS348) runs its program that way, and its
// HTTP answers and writes are compared under it.
//
// It drives a container engine through the Engine interface; Docker is
// the docker CLI one. It never prints to the process's stdout or stderr
// and knows nothing of the command line: notes go to the io.Writer and
// the callback that Options carry, and the caller decides what a Report's
// exit status means to the process.
package verify

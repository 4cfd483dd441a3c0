// Package typeparams is a copy of the core-type code of
// golang.org/x/tools/internal/typeparams (v0.52.0), which other modules
// cannot import: CoreType and the normal terms of a type set that it is
// built on, embedded constraint interfaces, unions and intersections
// included. maplint's analyzers then agree with x/tools' passes on which
// type parameters are maps. The files keep their Go Authors copyright
// headers; LICENSE in this directory is x/tools' licence they refer to.
package typeparams

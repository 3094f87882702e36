package build

import (
	"errors"
	"fmt"
	"path/filepath"

	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
)

// readSource reads an item's briefing, which must still be the file that
// was listed: a link swapped in for it since (to a file outside the
// folder, say) is not followed, and another file put in its place is
// refused. The check is made on the file opened, so nothing can be
// swapped between the check and the read.
func readSource(it *Item) ([]byte, error) {
	p := filepath.FromSlash(it.Source)
	x := boundedfile.Expect{NoFollow: !it.file.Link, Same: it.file.Info}
	data, err := boundedfile.ReadExpected(p, briefing.MaxFileSize, x)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, boundedfile.ErrReplaced):
		return nil, fmt.Errorf("%w; not read (build again if you replaced it yourself)", boundedfile.ErrReplaced)
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, errNotRegular
	case errors.As(err, &tl):
		return nil, errTooLarge
	}
	return data, err
}

package shell

import (
	"io"
)

// sgrStripper removes SGR colour sequences (ESC [ … m) from what it
// writes. The engine has one Color switch for both streams; when only one
// of stdout and stderr is a terminal, the other is wrapped in this so that
// a redirected stream never gets colour codes. A sequence split across
// writes is held back until its end arrives.
type sgrStripper struct {
	w       io.Writer
	pending []byte
}

// Write writes b without its SGR sequences; it reports len(b).
func (s *sgrStripper) Write(b []byte) (int, error) {
	data := append(s.pending, b...)
	s.pending = nil
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		if data[i] != 0x1b {
			out = append(out, data[i])
			continue
		}
		j := i + 1
		if j == len(data) {
			s.pending = append(s.pending, data[i:]...)
			break
		}
		if data[j] != '[' {
			out = append(out, data[i])
			continue
		}
		j++
		for j < len(data) && (data[j] >= '0' && data[j] <= '9' || data[j] == ';') {
			j++
		}
		if j == len(data) {
			s.pending = append(s.pending, data[i:]...)
			break
		}
		if data[j] == 'm' {
			i = j
			continue
		}
		out = append(out, data[i:j+1]...)
		i = j
	}
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

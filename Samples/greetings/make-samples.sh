#!/usr/bin/env bash
# Regenerates the sample greetings in this folder (accepted/ and rejected/), so the tests never need
# sox, lame, espeak-ng or ffmpeg at test time. Run from anywhere: bash Samples/greetings/make-samples.sh
# Needs: sox, lame, espeak-ng, ffmpeg, python3 (only for byte patching). Everything is 8 kHz mono
# and low bitrate so the whole folder stays well under 1 MB.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf accepted rejected
mkdir -p accepted rejected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A spoken greeting, resampled to telephone quality.
espeak-ng -v en-us -s 150 -w "$tmp/speech.wav" "Hello. This is the sign-in verification line. Press the pound key to finish."
sox "$tmp/speech.wav" -r 8000 -c 1 -b 16 accepted/hello.wav
lame --quiet -b 24 --resample 8 -m m accepted/hello.wav accepted/hello.mp3


sox -n -r 8000 -c 1 -e mu-law accepted/silence-ulaw.wav trim 0 3       # silence is audio
sox -n -r 8000 -c 1 -b 8 accepted/tone-19.9s.wav synth 19.9 sine 440 vol 0.3
sox -n -r 8000 -c 1 -e a-law accepted/alaw-2s.wav synth 2 sine 300 vol 0.3
sox -n -r 8000 -c 1 -b 32 -e floating-point accepted/float-1s.wav synth 1 sine 300 vol 0.3
sox -n -r 8000 -c 1 -b 16 "$tmp/t19.9.wav" synth 19.9 sine 440 vol 0.3
lame --quiet -b 24 -m m "$tmp/t19.9.wav" accepted/tone-19.9s.mp3
# Trailing bytes after the last whole frame (an ID3v1 tag and junk) are allowed and add no time.
cp accepted/hello.mp3 accepted/trailing-junk.mp3
printf 'TAG%-125s' 'trailing id3v1 tag' >> accepted/trailing-junk.mp3
printf 'some junk that is not a frame\n' >> accepted/trailing-junk.mp3

sox -n -r 8000 -c 1 -b 8 rejected/tone-20.1s.wav synth 20.1 sine 440 vol 0.3
sox -n -r 8000 -c 1 -b 16 "$tmp/t20.1.wav" synth 20.1 sine 440 vol 0.3
lame --quiet -b 24 -m m "$tmp/t20.1.wav" rejected/tone-20.1s.mp3
sox -n -r 8000 -c 1 -b 8 rejected/exactly-20s.wav synth 20 sine 440 vol 0.3

# 40 s of audio whose data-chunk size is forged to claim 5 s (40000 bytes of 8-bit 8 kHz).
sox -n -r 8000 -c 1 -b 8 rejected/forged-data-size-40s.wav synth 40 sine 440 vol 0.3
python3 - rejected/forged-data-size-40s.wav <<'PY'
import struct, sys
path = sys.argv[1]; data = bytearray(open(path, 'rb').read())
at = data.index(b'data') + 4
data[at:at + 4] = struct.pack('<I', 5 * 8000)
open(path, 'wb').write(data)
PY

# 40 s MP3 whose Xing frame count is forged to claim 5 s (about 69 frames of 576 samples at 8 kHz).
sox -n -r 8000 -c 1 -b 16 "$tmp/t40.wav" synth 40 sine 440 vol 0.3
lame --quiet -V 9 -m m "$tmp/t40.wav" rejected/forged-xing-40s.mp3
python3 - rejected/forged-xing-40s.mp3 <<'PY'
import struct, sys
path = sys.argv[1]; data = bytearray(open(path, 'rb').read())
for tag in (b'Xing', b'Info'):
    at = data.find(tag)
    if at >= 0:
        break
assert at >= 0, 'no Xing/Info tag'
flags = struct.unpack('>I', data[at + 4:at + 8])[0]
assert flags & 1, 'no frame count'
data[at + 8:at + 12] = struct.pack('>I', 69)
open(path, 'wb').write(data)
PY

# Format mix-ups and impostors.
cp accepted/hello.wav rejected/wav-named.mp3
cp accepted/hello.mp3 rejected/mp3-named.wav
sox accepted/hello.wav rejected/hello.ogg
sox accepted/hello.wav rejected/hello.flac
cp rejected/hello.ogg rejected/ogg-named.wav
mv rejected/hello.flac rejected/flac-named.mp3
ffmpeg -v error -y -i accepted/hello.wav -c:a mp2 -b:a 32k -f mp2 rejected/layer2.mp3
ffmpeg -v error -y -i accepted/hello.wav -c:a libmp3lame -b:a 16k rejected/mp3-in-riff.wav
sox accepted/hello.wav -e ima-adpcm rejected/ima-adpcm.wav
ffmpeg -v error -y -i accepted/hello.wav -c:a aac -b:a 16k rejected/aac-named.mp3 -f adts 2>/dev/null \
  || ffmpeg -v error -y -i accepted/hello.wav -c:a aac -b:a 16k -f adts rejected/aac-named.mp3
printf 'This is a text file, not a greeting.\n' > rejected/text.wav
: > rejected/empty.wav
: > rejected/empty.mp3
head -c 4000 accepted/hello.wav > rejected/truncated.wav        # declared data size larger than the file
size=$(stat -c %s accepted/hello.mp3)
head -c $((size - 10)) accepted/hello.mp3 > rejected/truncated.mp3 # last frame cut short
{ printf 'junk!'; cat accepted/hello.mp3; } > rejected/junk-before-frames.mp3

# WAVE_FORMAT_EXTENSIBLE (0xFFFE) headers, as sox and ffmpeg write them for 24-bit, float, stereo 48 kHz.
sox -n -r 8000 -c 1 -b 24 accepted/sox-24bit-extensible.wav synth 2 sine 300 vol 0.3
ffmpeg -v error -y -f lavfi -i "sine=frequency=440:duration=0.5:sample_rate=48000" -ac 2 -c:a pcm_s24le \
  accepted/ffmpeg-pcm24-stereo-48k-extensible.wav
ffmpeg -v error -y -f lavfi -i "sine=frequency=440:duration=1:sample_rate=8000" -c:a pcm_f32le \
  accepted/ffmpeg-float-extensible.wav
# The same sox file with its sub-format GUID changed to Microsoft ADPCM: refused by name.
cp accepted/sox-24bit-extensible.wav rejected/extensible-adpcm.wav
python3 - rejected/extensible-adpcm.wav <<'PY'
import sys
path = sys.argv[1]; data = bytearray(open(path, 'rb').read())
at = data.index(b'fmt ') + 8
assert data[at:at + 2] == b'\xfe\xff', 'not extensible'
data[at + 24:at + 26] = b'\x02\x00'
open(path, 'wb').write(data)
PY

# 64 KiB of random bytes with isolated MP3-looking frame headers (FF FB 90 64), one at offset 0,
# none where the previous "frame" would end: no chain of frames, so not an MP3.
python3 - rejected/random-fake-syncs.mp3 <<'PY'
import random, sys
rng = random.Random(12)
data = bytearray(rng.getrandbits(8) for _ in range(65536))
for at in (0, 5000, 20011, 40000, 65000):
    data[at:at + 4] = b'\xff\xfb\x90\x64'
open(sys.argv[1], 'wb').write(data)
PY

ls -l accepted rejected
du -sh .

"""A small JPEG Lossless (T.81 process 14) encoder with restart intervals, for the conformance corpus.

dcmtk and GDCM offer no option to write restart markers in lossless JPEG, so this writes them; the
reference pixels still come from dcmtk's dcmdjpeg (make_corpus.py), an independent decoder, and the
script checks that dcmdjpeg returns the encoder's input. One fixed Huffman table: the 17 difference
categories with 5-bit codes.
"""
import struct

import numpy as np


class _Bits:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc, self.n = 0, 0

    def pad(self):
        while self.n:
            self.put(1, 1)


def _predict(sv, ra, rb, rc):
    return {1: ra, 2: rb, 3: rc, 4: ra + rb - rc, 5: ra + ((rb - rc) >> 1), 6: rb + ((ra - rc) >> 1),
            7: (ra + rb) >> 1}[sv]


def encode(image, precision, predictor, rows_per_interval):
    """image: 2-D array of unsigned values below 2**precision (one component)."""
    rows, cols = image.shape
    img = image.astype(np.int64)
    bits = _Bits()
    restart = 0
    data = bytearray()
    for y in range(rows):
        first_row = y % rows_per_interval == 0
        if first_row and y > 0:
            bits.pad()
            data += bits.out + bytes([0xFF, 0xD0 + restart % 8])
            bits.out = bytearray()
            restart += 1
        for x in range(cols):
            if first_row:
                pred = (1 << (precision - 1)) if x == 0 else img[y, x - 1]
            elif x == 0:
                pred = img[y - 1, 0]
            else:
                pred = _predict(predictor, img[y, x - 1], img[y - 1, x], img[y - 1, x - 1])
            diff = (int(img[y, x]) - int(pred)) & 0xFFFF
            if diff >= 0x8000:
                diff -= 0x10000
            ssss = 0 if diff == 0 else abs(diff).bit_length()
            bits.put(ssss, 5)
            if 0 < ssss < 16:
                bits.put(diff if diff > 0 else diff + (1 << ssss) - 1, ssss)
    bits.pad()
    data += bits.out
    counts = [0] * 16
    counts[4] = 17
    seg = bytearray(b"\xFF\xD8")
    seg += b"\xFF\xC3" + struct.pack(">HBHHB", 11, precision, rows, cols, 1) + bytes([1, 0x11, 0])
    seg += b"\xFF\xC4" + struct.pack(">H", 2 + 1 + 16 + 17) + bytes([0]) + bytes(counts) + bytes(range(17))
    seg += b"\xFF\xDD" + struct.pack(">HH", 4, cols * rows_per_interval)
    seg += b"\xFF\xDA" + struct.pack(">HB", 8, 1) + bytes([1, 0x00, predictor, 0, 0])
    seg += data + b"\xFF\xD9"
    return bytes(seg)

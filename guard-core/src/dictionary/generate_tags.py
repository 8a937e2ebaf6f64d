#!/usr/bin/python3
"""Generates the tag constants and the Implicit VR table of a Java tag class from the standard's
data dictionary (DICOM PS3.6, as pydicom ships it in pydicom._dicom_dict).

Usage (from the repository root):
    /usr/bin/python3 guard-core/src/dictionary/generate_tags.py                 # rewrite Tag.java
    /usr/bin/python3 guard-core/src/dictionary/generate_tags.py --print KEYWORDS  # generated block to stdout

The keyword list (tags.txt) says which tags the library needs, in which groups; numbers, VRs and
the standard's spelling come from the dictionary. Only the block between the BEGIN GENERATED and
END GENERATED lines of the Java file is replaced; the rest of the class is written by hand.
TagDictionaryTest checks that the committed block is what this script prints.
"""
import os
import sys

import pydicom
from pydicom._dicom_dict import DicomDictionary

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_KEYWORDS = os.path.join(HERE, 'tags.txt')
DEFAULT_JAVA = os.path.join(HERE, '..', 'main', 'java', 'org', 'dicomguard', 'core', 'dicom', 'Tag.java')
BEGIN = '    // BEGIN GENERATED'
END = '    // END GENERATED'

BY_KEYWORD = {entry[4]: tag for tag, entry in DicomDictionary.items()}


def implicit_vr(vr):
    """The VR an Implicit VR reader assumes: PS3.5 A.1 reads "OB or OW" pixel data and
    "US or OW" LUT data as OW; other "X or Y" VRs (US or SS) as their first choice."""
    choices = vr.split(' or ')
    if 'NONE' in choices:
        return None
    return 'OW' if 'OW' in choices else choices[0]


def block(keywords_path):
    lines = [BEGIN + ': do not edit; edit src/dictionary/tags.txt and run src/dictionary/generate_tags.py',
             '    // (numbers and VRs from the DICOM data dictionary of pydicom ' + pydicom.__version__ + ').']
    implicit = []
    with open(keywords_path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('=='):
                if len(lines) > 2:
                    lines.append('')
                lines.append('    // --- ' + line[2:].strip() + ' ---')
                continue
            keyword, _, note = (part.strip() for part in line.partition('|'))
            if keyword not in BY_KEYWORD:
                sys.exit('unknown keyword in ' + keywords_path + ': ' + keyword)
            tag = BY_KEYWORD[keyword]
            vr = DicomDictionary[tag][0]
            shown = 'no VR' if vr == 'NONE' else 'VR ' + vr
            text = '(%04X,%04X) %s, %s' % (tag >> 16, tag & 0xFFFF, keyword, shown)
            lines.append('    /** ' + text + (': ' + note if note else '') + '. */')
            lines.append('    public static final int %s = 0x%08X;' % (keyword, tag))
            if implicit_vr(vr):
                implicit.append((keyword, implicit_vr(vr)))
    lines.append('')
    lines.append('    /** The VR an Implicit VR data set implies for each tag above (PS3.5 A.1 for "OB or OW"). */')
    lines.append('    private static final Map<Integer, VR> IMPLICIT_VRS = Map.ofEntries(')
    for i, (keyword, vr) in enumerate(implicit):
        lines.append('            Map.entry(%s, VR.%s)%s' % (keyword, vr, ');' if i == len(implicit) - 1 else ','))
    lines.append(END)
    return '\n'.join(lines) + '\n'


def rewrite(java_path, generated):
    with open(java_path, encoding='utf-8') as f:
        text = f.read()
    start = text.index(BEGIN)
    end = text.index(END, start)
    end = text.index('\n', end) + 1
    with open(java_path, 'w', encoding='utf-8') as f:
        f.write(text[:start] + generated + text[end:])


if __name__ == '__main__':
    if len(sys.argv) >= 2 and sys.argv[1] == '--print':
        sys.stdout.write(block(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_KEYWORDS))
    else:
        rewrite(DEFAULT_JAVA, block(DEFAULT_KEYWORDS))

package org.dicomguard.core.task.mammography;

/** Image side on which the chest wall is placed after orientation. */
public enum ChestWallSide {
    /** Chest wall on the left: right breasts are flipped horizontally. */
    LEFT,
    /** Chest wall on the right: left breasts are flipped horizontally. */
    RIGHT
}

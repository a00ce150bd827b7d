// Tests for this module are added with its implementation.
import Testing

/**
 * Helpers shared by the library's packages. Not API: anything here may change in any release.
 */
package io.github.backprop4j.internal;

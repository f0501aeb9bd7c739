package io.github.mavenaws.codeartifact.maven;

import org.codehaus.plexus.classworlds.realm.ClassRealm;

/**
 * Where this copy of the extension was loaded from. The same jar can be installed in Maven ({@code lib/ext}, on
 * Maven 4 also {@code ~/.m2/ext}, or {@code -Dmaven.ext.class.path}), where it joins Maven's core, and named by the
 * project in {@code .mvn/extensions.xml}, where Maven gives it a class realm of its own. When both happen, two
 * copies load, each with its own classes: the installed one serves the build (it ranks first), and the project's
 * stays idle and never loads its AWS SDK.
 */
final class ExtensionCopy {

    /** Ids of the realms Maven builds for the extensions a project names: core ({@code .mvn}) and build (POM). */
    private static final String[] PROJECT_REALMS = {"coreExtension>", "extension>"};

    private ExtensionCopy() {
    }

    /** Whether this copy is part of Maven's core rather than an extension the project named. */
    static boolean isInstalledInMaven() {
        ClassLoader loader = ExtensionCopy.class.getClassLoader();
        if (!(loader instanceof ClassRealm)) {
            return false;
        }
        String id = ((ClassRealm) loader).getId();
        for (String prefix : PROJECT_REALMS) {
            if (id.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** For debug lines that say which copy did something. */
    static String describe() {
        return isInstalledInMaven() ? "installed in Maven" : "named by the project";
    }
}

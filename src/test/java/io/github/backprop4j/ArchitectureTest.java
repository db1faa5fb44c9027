package io.github.backprop4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/** The architecture as rules that fail the build when broken (docs/quality.md). */
class ArchitectureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.backprop4j");

    private static void check(ArchRule rule) {
        rule.check(LIBRARY);
    }

    @Test
    void noJavaSerializationAnywhere() {
        check(noClasses().should().dependOnClassesThat().areAssignableTo(ObjectInputStream.class)
                .orShould().dependOnClassesThat().areAssignableTo(ObjectOutputStream.class)
                .because("model files are data only; Java serialization has been a path to code execution"));
        check(noClasses().that().areNotAssignableTo(Throwable.class).and().areNotEnums().should().implement(Serializable.class)
                .because("no model type is Serializable; only exceptions and enums are, as every Throwable and Enum"));
    }

    /**
     * A model file names its parts; a PartRegistry maps each name to a factory the user gave, never
     * to a class looked up. (The kernel selection in internal loads its Vector API class by a
     * constant name, so that the JVM links it only when the incubator module is there.)
     */
    @Test
    void noClassIsEverLoadedByName() {
        check(noClasses().that().resideOutsideOfPackage("..backprop4j.internal").should().callMethod(Class.class, "forName", String.class)
                .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
                .orShould().callMethod(Class.class, "forName", Module.class, String.class)
                .orShould().callMethod(ClassLoader.class, "loadClass", String.class)
                .because("a name read from a file must never choose the code that runs"));
    }

    @Test
    void mathDependsOnNothingElseOfTheLibrary() {
        check(noClasses().that().resideInAPackage("..backprop4j.math..").should().dependOnClassesThat()
                .resideInAnyPackage("io.github.backprop4j", "..backprop4j.activation..", "..backprop4j.loss..",
                        "..backprop4j.optim..", "..backprop4j.train..", "..backprop4j.data..", "..backprop4j.eval..",
                        "..backprop4j.io..", "..backprop4j.plot.."));
    }

    @Test
    void activationsLossesAndOptimizersKnowNothingOfLayersOrTraining() {
        check(noClasses().that().resideInAnyPackage("..backprop4j.activation..", "..backprop4j.loss..", "..backprop4j.optim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.backprop4j", "..backprop4j.train..",
                        "..backprop4j.data..", "..backprop4j.io..", "..backprop4j.plot.."));
        check(noClasses().that().resideInAPackage("..backprop4j.activation..").should().dependOnClassesThat()
                .resideInAnyPackage("..backprop4j.loss..", "..backprop4j.optim.."));
    }

    /**
     * One fit runs one way, NeuralNet to the engine to the layers to math: the engine trains layers
     * through their parameters and the layer walk and never refers back to the network or model.
     */
    @Test
    void theTrainingEngineKnowsNothingOfTheNetworkOrTheModel() {
        check(noClasses().that().resideInAPackage("..backprop4j.internal.training..").should().dependOnClassesThat()
                .haveFullyQualifiedName(NeuralNet.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Model.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Checkpoint.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Gradients.class.getName())
                .because("the engine trains a list of layers; NeuralNet calls it, never the other way"));
        check(noClasses().that().resideInAPackage("io.github.backprop4j").and().areNotPublic()
                .should().haveSimpleNameEndingWith("Trainer").orShould().haveSimpleNameEndingWith("Step")
                .orShould().haveSimpleNameEndingWith("Stopper").orShould().haveSimpleNameEndingWith("Validator")
                .because("the training engine lives in internal.training, beside nothing of the public face"));
    }

    @Test
    void theLibraryNeverDraws() {
        check(noClasses().should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
                .because("the module needs no java.desktop: the charts are the artifact backprop4j-plot"));
    }

    /**
     * The library prints nothing unless the user adds a listener, and even ConsoleProgress
     * writes only to the stream it is given.
     */
    @Test
    void theLibraryNeverWritesToStandardOutputOrError() {
        check(noClasses().should().accessField(System.class, "err"));
        check(noClasses().should().accessField(System.class, "out"));
    }
}

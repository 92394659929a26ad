package dev.evals4j.storage;

import java.util.List;
import java.util.Objects;

/**
 * One step of the schema's history: the statements that take a database from {@code version - 1}
 * to {@code version}. Statements may contain {@value #IDENTITY}, replaced by the dialect's
 * identity column type.
 *
 * @param version the version this step reaches, from 1
 * @param description what the step does
 * @param statements the DDL/DML statements, run in order in one transaction where the database
 *     allows it
 */
record Migration(int version, String description, List<String> statements) {

    /** The placeholder of an auto-generated {@code BIGINT} primary key column type. */
    static final String IDENTITY = "${identity}";

    /** The schema's whole history; the last one is the version this code writes. */
    static final List<Migration> ALL = List.of(new Migration(1, "experiments and their runs", List.of(
            """
            CREATE TABLE experiments (
                id ${identity},
                name VARCHAR(500) NOT NULL,
                suite VARCHAR(1000) NOT NULL,
                created_at VARCHAR(40) NOT NULL,
                config_json TEXT NOT NULL,
                dataset_fingerprint VARCHAR(200),
                status VARCHAR(20) NOT NULL,
                UNIQUE (name, suite)
            )""",
            """
            CREATE TABLE runs (
                experiment_id BIGINT NOT NULL REFERENCES experiments (id),
                row_id VARCHAR(1000) NOT NULL,
                repetition INTEGER NOT NULL,
                status VARCHAR(30) NOT NULL,
                output_json TEXT,
                scores_json TEXT,
                error TEXT,
                history_json TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                started_at VARCHAR(40),
                ended_at VARCHAR(40),
                content_hash VARCHAR(128),
                PRIMARY KEY (experiment_id, row_id, repetition)
            )""")),
            LeaseSql.MIGRATION,
            new Migration(3, "limit groups: runners sharing one provider's rate limit", List.of(
            """
            CREATE TABLE limit_groups (
                name VARCHAR(500) NOT NULL PRIMARY KEY,
                rate DOUBLE PRECISION,
                provisional INTEGER NOT NULL,
                decreased_at BIGINT NOT NULL,
                generation BIGINT NOT NULL
            )""",
            """
            CREATE TABLE limit_members (
                group_name VARCHAR(500) NOT NULL,
                member_id VARCHAR(200) NOT NULL,
                heartbeat_at BIGINT NOT NULL,
                demand INTEGER NOT NULL,
                admitted DOUBLE PRECISION,
                started DOUBLE PRECISION,
                PRIMARY KEY (group_name, member_id)
            )""")));

    /** Validates and copies. */
    Migration {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    /** The statements with {@value #IDENTITY} replaced for {@code dialect}. */
    List<String> statementsFor(SqlDialect dialect) {
        return statements.stream().map(s -> s.replace(IDENTITY, dialect.identityColumn())).toList();
    }
}
